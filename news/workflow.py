"""Who may do what in the news section, and the sign-off it goes through.

The groups and the "News sign-off" workflow are created by the data migration
0003_comms_team_and_news_sign_off, so every deployment has them; this module
ties them to a news index, which can only happen once the index exists.
"""

from wagtail.models import Workflow, WorkflowPage

from bhp_portal.core.editors import grant_under

COMMS_TEAM = "Comms team"
NEWS_SIGN_OFF = "News sign-off"
# Comms staff draft and submit; publishing is the moderators' sign-off.
COMMS_PAGE_PERMISSIONS = ["add_page", "change_page"]


def prepare_news_index(index):
    """Give the Comms team their section (news or events) and put it under
    News sign-off.

    Safe to call again: nothing is duplicated, and an editor's later choice
    of a different workflow for the index is kept.
    """
    grant_under(COMMS_TEAM, index, *COMMS_PAGE_PERMISSIONS)
    workflow = Workflow.objects.filter(name=NEWS_SIGN_OFF, active=True).first()
    if workflow:
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
