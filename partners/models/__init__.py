from .hdruk import HDRUKIndexPage, HDRUKSiteMember, HDRUKSitePage
from .organisations import Organisation
from .pages import PartnerIndexPage, PartnerPage, PartnerPageKeyFact

__all__ = [
    "HDRUKIndexPage",
    "HDRUKSiteMember",
    "HDRUKSitePage",
    "Organisation",
    "PartnerIndexPage",
    "PartnerPage",
    "PartnerPageKeyFact",
]
