from .base import (
    BasePage,
    HeroImageMixin,
    ListingMixin,
    SocialMixin,
    optional_image,
    optional_link,
)
from .forms import ContactFormField, ContactFormPage
from .key_facts import KeyFact, KeyFactLink, KeyFactsMixin
from .media import CustomDocument, CustomImage, CustomRendition
from .pages import HomePage, HomePageFeaturedPage, HomePageKeyFact, StandardPage
from .site_settings import SiteSettings

__all__ = [
    "optional_image",
    "optional_link",
    "BasePage",
    "ContactFormField",
    "ContactFormPage",
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "HeroImageMixin",
    "HomePage",
    "HomePageFeaturedPage",
    "HomePageKeyFact",
    "KeyFact",
    "KeyFactLink",
    "KeyFactsMixin",
    "ListingMixin",
    "SiteSettings",
    "SocialMixin",
    "StandardPage",
]
