"""Research pieces other apps' templates show: a partner's recruiting
studies (partners cannot import research, so its page places this tag)."""

from django import template
from django.db.models import Q

from ..models import StudyPage
from ..models.studies import recruiting_studies

register = template.Library()


@register.inclusion_tag("research/includes/study_list.html")
def studies_recruiting_with(organisation, heading_level=2):
    """Live studies recruiting now that the organisation runs, funds or hosts."""
    linked = StudyPage.objects.filter(
        Q(partners=organisation) | Q(sites=organisation)
    ).values("pk")
    return {
        "studies": recruiting_studies(StudyPage.objects.filter(pk__in=linked)),
        "heading": "Studies recruiting with "
        f"{organisation.short_name or organisation.name}",
        "heading_level": heading_level,
    }
