"""The public read-only API's endpoints, at /api/v2/ (docs/api.md)."""

from wagtail.api.v2.router import WagtailAPIRouter

from bhp_portal.core.api import (
    PublicDocumentsAPIViewSet,
    PublicImagesAPIViewSet,
    PublicPagesAPIViewSet,
)
from partners.api import OrganisationsAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("organisations", OrganisationsAPIViewSet)
