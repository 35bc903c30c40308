"""Groups and the sign-off workflow every deployment needs, not only the demo.

Wagtail's own migrations create "Editors" and "Moderators"; they are made here
too in case an older database has lost them. The Comms team gets admin access,
images, documents and the press office snippets; its page permissions (add and
edit, never publish) are granted on the news index, here if one exists and
otherwise when one is created (news/apps.py).
"""

from django.db import migrations

COMMS_TEAM = "Comms team"
MODERATORS = "Moderators"
WORKFLOW = "News sign-off"
TASK = "Moderator sign-off"

MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("news", "presscontact", "add_presscontact", "Can add press contact"),
    ("news", "presscontact", "change_presscontact", "Can change press contact"),
    ("news", "presscontact", "view_presscontact", "Can view press contact"),
    ("news", "embargolink", "add_embargolink", "Can add embargo link"),
    ("news", "embargolink", "change_embargolink", "Can change embargo link"),
    ("news", "embargolink", "view_embargolink", "Can view embargo link"),
]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add_image", "Can add image"),
    ("wagtailimages", "image", "change_image", "Can change image"),
    ("wagtailimages", "image", "choose_image", "Can choose image"),
    ("wagtaildocs", "document", "add_document", "Can add document"),
    ("wagtaildocs", "document", "change_document", "Can change document"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
]
PAGE_PERMISSIONS = ["add_page", "change_page"]


def permission(apps, app_label, model, codename, name):
    # Django creates permissions after all migrations; these are needed now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def create_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    NewsIndexPage = apps.get_model("news", "NewsIndexPage")

    for name in ("Editors", MODERATORS):
        Group.objects.get_or_create(name=name)
    moderators = Group.objects.get(name=MODERATORS)
    comms, _ = Group.objects.get_or_create(name=COMMS_TEAM)

    comms.permissions.add(*(permission(apps, *spec) for spec in MODEL_PERMISSIONS))
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for spec in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=comms,
                collection=root_collection,
                permission=permission(apps, *spec),
            )

    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK,
            active=True,
            content_type=ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0],
        )
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    for index in NewsIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=comms,
                page_id=index.pk,
                permission=permission(
                    apps, "wagtailcore", "page", codename, codename.replace("_", " ")
                ),
            )


def remove_groups_and_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).delete()
    apps.get_model("auth", "Group").objects.filter(name=COMMS_TEAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_article_details_press_contacts_embargo_links"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(create_groups_and_workflow, remove_groups_and_workflow)
    ]
