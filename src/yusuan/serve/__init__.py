"""The reviewers' workbench: an HTTP API and server-rendered pages over the store and the batch workers.

``yusuan serve`` runs it and ``yusuan user add`` makes its people (yusuan.serve.command);
``yusuan.serve.app.create_app`` builds the application. The only layer that imports a web
framework; importing this package alone imports none (the command line stays fast).
"""
