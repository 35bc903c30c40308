"""Who may do what in the news section, and the sign-off it goes through.

The groups and the "News sign-off" workflow are created by the data migration
0003_comms_team_and_news_sign_off, so every deployment has them; this module
ties them to a news index, which can only happen once the index exists.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

COMMS_TEAM = "Comms team"
MODERATORS = "Moderators"
EDITORS = "Editors"
NEWS_SIGN_OFF = "News sign-off"
# Comms staff draft and submit; publishing is the moderators' sign-off.
COMMS_PAGE_PERMISSIONS = ["add_page", "change_page"]


def prepare_news_index(index):
    """Give the Comms team their section and put it under News sign-off.

    Safe to call again: nothing is duplicated, and an editor's later choice
    of a different workflow for the index is kept.
    """
    comms = Group.objects.filter(name=COMMS_TEAM).first()
    if comms:
        for codename in COMMS_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=comms,
                page=index,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    workflow = Workflow.objects.filter(name=NEWS_SIGN_OFF, active=True).first()
    if workflow:
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
