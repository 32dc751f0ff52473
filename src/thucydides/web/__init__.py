"""The web app: a read-only JSON API and a dashboard over a store (the only home of FastAPI).

``create_app(db, token=...)`` builds it; ``thucydides serve`` runs it with uvicorn.
"""

from thucydides.web.app import create_app

__all__ = ["create_app"]
