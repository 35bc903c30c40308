from .base import BasePage, ListingMixin, SocialMixin
from .forms import ContactFormField, ContactFormPage
from .key_facts import KeyFact, KeyFactLink
from .media import CustomDocument, CustomImage, CustomRendition
from .pages import HomePage, HomePageFeaturedPage, HomePageKeyFact, StandardPage
from .site_settings import SiteSettings

__all__ = [
    "BasePage",
    "ContactFormField",
    "ContactFormPage",
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "HomePage",
    "HomePageFeaturedPage",
    "HomePageKeyFact",
    "KeyFact",
    "KeyFactLink",
    "ListingMixin",
    "SiteSettings",
    "SocialMixin",
    "StandardPage",
]
