import csv
import json
from pathlib import Path

from yusuan.model import Disclosure
from yusuan.render.open_data import export_open_data


def test_csv_and_datapackage(small_disclosure: Disclosure, tmp_path: Path) -> None:
    written = export_open_data(small_disclosure, tmp_path)
    assert [p.name for p in written] == ["expenditure.csv", "datapackage.json"]
    assert (tmp_path / "expenditure.csv").read_bytes().startswith(b"\xef\xbb\xbfcode,")  # BOM: Excel, WPS
    with (tmp_path / "expenditure.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[1] == {
        "code": "2010350",
        "name": "事业运行",
        "total": "146.17",
        "basic": "146.17",
        "project": "",
    }
    descriptor = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    assert descriptor["profile"] == "fiscal-data-package"
    assert descriptor["fiscalPeriod"] == {"start": "2025-01-01", "end": "2025-12-31"}
    fields = descriptor["resources"][0]["schema"]["fields"]
    assert [f["name"] for f in fields] == ["code", "name", "total", "basic", "project"]
    assert fields[2]["title"] == "合计" and fields[2]["factor_to_yuan"] == "10000"
    assert descriptor["model"]["measures"]["expenditure.basic"]["factor"] == "10000"
