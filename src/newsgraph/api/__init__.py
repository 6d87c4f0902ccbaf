"""The HTTP API (FastAPI) over the store and the dashboard's static files; see docs/api.md.

Importing this package imports nothing heavy: ``app.create_app`` pulls in FastAPI.
"""
