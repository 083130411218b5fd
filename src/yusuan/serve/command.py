"""``yusuan serve`` and ``yusuan user add``: the workbench's commands (the web framework loaded only here)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from yusuan.serve.settings import DEFAULT_DATA_DIR, Settings

MIB = 1 << 20


def _database_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        default=DEFAULT_DATA_DIR,
        help="数据目录（上传文件、默认 SQLite 库）/ data folder for uploads and the default database"
        f" ({DEFAULT_DATA_DIR})",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="数据库地址，如 postgresql+psycopg://user@host/db；默认数据目录下的 SQLite 文件"
        " / database URL (default: a SQLite file in the data folder)",
    )
    parser.add_argument("--schema", help="PostgreSQL 模式名 / PostgreSQL schema to keep the tables in")


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add_serve_parser(sub)
    add_user_parser(sub)


def add_serve_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "serve", help="启动审核工作台（网页与 API）/ run the reviewers' workbench (web pages and API)"
    )
    _database_options(p)
    p.add_argument("--host", default="127.0.0.1", help="监听地址 / address to listen on (127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="端口 / port (8000)")
    p.add_argument(
        "--workers", type=int, default=1, help="审核进程数 / worker processes checking uploads (1)"
    )
    p.add_argument(
        "--max-upload-mb", type=int, default=50, help="单个文件上限 MB / largest file accepted (50)"
    )
    p.add_argument("--max-files", type=int, default=20, help="一次上传文件数上限 / files per upload (20)")
    p.set_defaults(func=cmd_serve)


def add_user_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    u = sub.add_parser("user", help="管理工作台用户 / manage the workbench's users")
    users = u.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    a = users.add_parser("add", help="新建用户并输出 API 令牌 / add a user and print an API token")
    a.add_argument("name", help="用户名 / name")
    a.add_argument("--role", required=True, choices=["admin", "reviewer", "preparer"], help="角色 / role")
    a.add_argument("--unit", help="所属单位（编制人员必填）/ the preparer's unit")
    a.add_argument(
        "--password",
        nargs="?",
        const="",
        help="网页登录密码；不带值时从终端读取 / web login password (asked for when given without a value)",
    )
    _database_options(a)
    a.set_defaults(func=cmd_user_add)


def _settings(args: argparse.Namespace, **more: object) -> Settings:
    return Settings(data_dir=Path(args.data_dir), database=args.database, schema=args.schema, **more)  # type: ignore[arg-type]


def cmd_user_add(args: argparse.Namespace) -> int:
    from yusuan import __version__
    from yusuan.store import open_store
    from yusuan.store.db import StoreError
    from yusuan.store.people import add_user

    password = args.password
    if password == "":
        password = getpass.getpass("密码 / password: ")
    settings = _settings(args)
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        store = open_store(settings.database_url, __version__, settings.schema)
        token = add_user(store.engine, args.name, args.role, args.unit, password or None)
    except (StoreError, OSError) as exc:
        print(f"yusuan: 错误 / error: {exc}", file=sys.stderr)
        return 2
    print(token)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from yusuan.serve.app import create_app
    from yusuan.store.db import StoreError

    settings = _settings(
        args, workers=args.workers, max_upload_bytes=args.max_upload_mb * MIB, max_files=args.max_files
    )
    try:
        app = create_app(settings)
    except (StoreError, OSError) as exc:
        print(f"yusuan: 错误 / error: {exc}", file=sys.stderr)
        return 2
    print(
        f"审核工作台 / workbench: http://{args.host}:{args.port}/"
        f"  (数据库 database: {settings.database_url})",
        file=sys.stderr,
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
