"""Demo studies for the finder at /take-part/, written for this site from the
subjects of BHP's research themes. They are examples: none carries a
registry number, no person is named, and none shows an email address (the
public reach the teams through the register-interest form)."""

import datetime

from django.contrib.auth.models import Group, Permission

from bhp_portal.core.demo import ensure_page, home_page
from partners.models import Organisation

from .factories import ConditionFactory, StudyIndexPageFactory, StudyPageFactory
from .models import Phase, ResearchThemePage, Sex, StudyStatus, StudyType

UOB = "University of Birmingham"
UHB = "University Hospitals Birmingham NHS Foundation Trust"
BWC = "Birmingham Women's and Children's NHS Foundation Trust"
BWH = "Birmingham Women's Hospital"
SWB = "Sandwell and West Birmingham NHS Trust"
ROH = "The Royal Orthopaedic Hospital NHS Foundation Trust"

# The demo's study team: its members read the interest registered for the
# demo studies in the admin.
DEMO_TEAM = "Study team: Birmingham trials (demo)"
TRIALS_UNIT = "The study team at the Birmingham Clinical Trials Unit"
CANCER_UNIT = "The study team at the Cancer Research UK Clinical Trials Unit"
MATERNAL_TEAM = "The study team at Birmingham Women's Hospital"

CONDITIONS = {
    "pregnancy-loss": ("Pregnancy loss", ["miscarriage", "early pregnancy loss"]),
    "pre-eclampsia": (
        "Pre-eclampsia",
        ["high blood pressure in pregnancy", "toxaemia"],
    ),
    "rheumatoid-arthritis": (
        "Rheumatoid arthritis",
        ["RA", "inflammatory arthritis", "joint inflammation"],
    ),
    "lupus": ("Lupus", ["SLE", "systemic lupus erythematosus"]),
    "autoimmune-liver-disease": (
        "Autoimmune liver disease",
        ["PSC", "primary sclerosing cholangitis", "liver inflammation"],
    ),
    "rare-genetic-conditions": (
        "Rare genetic conditions",
        ["undiagnosed condition", "genetic disorder", "rare disease"],
    ),
    "blood-cancer": ("Blood cancer", ["leukaemia", "leukemia", "lymphoma"]),
    "bowel-cancer": ("Bowel cancer", ["colorectal cancer", "colon cancer"]),
    "type-2-diabetes": ("Type 2 diabetes", ["diabetes", "high blood sugar"]),
    "psychosis": ("Psychosis", ["hearing voices", "schizophrenia"]),
    "falls": ("Falls", ["frailty", "falling", "fall"]),
    "wound-infection": (
        "Wound infection",
        ["surgical site infection", "infected wound"],
    ),
    "kidney-injury": ("Kidney injury", ["acute kidney injury", "AKI"]),
    "infection": ("Infection", ["vaccine", "vaccination"]),
}


def study(slug, title, **fields):
    return slug, title, fields


STUDIES = [
    study(
        "a-first-test-of-a-new-vaccine",
        "A first test of a new vaccine",
        themes=["immunology-and-inflammation", "translational-medicine"],
        conditions=["infection"],
        status=StudyStatus.RECRUITING,
        phase=Phase.PHASE_1,
        minimum_age=18,
        maximum_age=55,
        healthy_volunteers=True,
        sites=[UHB],
        summary="Healthy adults are needed to help test a new vaccine for the "
        "first time, in a small study with close care.",
        plain_summary="We are testing a new vaccine in people for the first time. "
        "We want to check it is safe. We also want to see how the body's "
        "defences react to it.\nYou will have the vaccine and come back for "
        "check-ups and blood tests. Doctors and nurses watch you closely.",
        who_can_take_part="You are between 18 and 55\nYou are in good health\n"
        "You can come to the hospital for six visits over three months",
        contact_team=TRIALS_UNIT,
        months=(-2, 10),
    ),
    study(
        "treating-rheumatoid-arthritis-sooner",
        "Treating rheumatoid arthritis sooner",
        themes=["immunology-and-inflammation", "clinical-trials"],
        conditions=["rheumatoid-arthritis"],
        status=StudyStatus.RECRUITING,
        phase=Phase.PHASE_3,
        minimum_age=18,
        sites=[UHB, SWB],
        summary="Does starting treatment in the first weeks of rheumatoid "
        "arthritis protect the joints better?",
        plain_summary="Rheumatoid arthritis makes joints swollen and sore. We "
        "want to know if starting medicine very early helps more than the "
        "usual wait. Half the people in the study start sooner. We then "
        "compare how their joints do over two years.",
        who_can_take_part="You are 18 or over\nYour joint pain and swelling "
        "started in the last three months\nYou have not yet had treatment for "
        "arthritis",
        contact_team=TRIALS_UNIT,
        months=(-6, 24),
    ),
    study(
        "living-with-lupus",
        "Living with lupus: what sets off a flare?",
        themes=["immunology-and-inflammation"],
        conditions=["lupus"],
        status=StudyStatus.RECRUITING,
        study_type=StudyType.OBSERVATIONAL,
        minimum_age=16,
        sites=[UHB],
        summary="People with lupus keep a simple diary and give blood samples, "
        "to help us learn what sets off a flare.",
        plain_summary="Lupus can flare up and then calm down again. We do not "
        "know why. In this study you keep a short diary on your phone. You also "
        "give a blood sample at your usual clinic visits. There is no new "
        "medicine.",
        who_can_take_part="You are 16 or over\nA doctor has told you that you "
        "have lupus",
        contact_team="The lupus research team at Queen Elizabeth Hospital Birmingham",
        months=(-12, 12),
    ),
    study(
        "care-after-pregnancy-loss",
        "Better care after pregnancy loss",
        themes=["maternal-health"],
        conditions=["pregnancy-loss"],
        status=StudyStatus.RECRUITING,
        phase=Phase.NOT_APPLICABLE,
        minimum_age=16,
        maximum_age=50,
        sex=Sex.FEMALE,
        sites=[BWH],
        summary="A study of the support offered to women and their partners "
        "after a miscarriage, to make that care better.",
        plain_summary="Losing a pregnancy is hard. Many women feel they are not "
        "given enough help. We are testing a new plan of care. It includes a "
        "named nurse, a follow-up call and a clear place to get answers. We "
        "want to know if it helps people feel better supported.",
        who_can_take_part="You have had a miscarriage in the last four "
        "weeks\nYou are 16 or over\nYou are cared for at Birmingham Women's "
        "Hospital",
        contact_team=MATERNAL_TEAM,
        months=(-3, 18),
    ),
    study(
        "why-pregnancies-end-early",
        "Finding out why some pregnancies end early",
        themes=["maternal-health", "rare-diseases"],
        conditions=["pregnancy-loss"],
        status=StudyStatus.RECRUITING,
        study_type=StudyType.OBSERVATIONAL,
        minimum_age=16,
        maximum_age=50,
        sex=Sex.FEMALE,
        sites=[BWH],
        summary="Women who have had more than one miscarriage can help us find "
        "the causes, with a blood test and a few questions.",
        plain_summary="Some women lose more than one pregnancy, and often no "
        "one can say why. We look at blood tests and health details to search "
        "for causes. What we learn could lead to new treatments.",
        who_can_take_part="You have had two or more miscarriages\nYou are 16 or over",
        contact_team=MATERNAL_TEAM,
        months=(-18, 24),
    ),
    study(
        "spotting-pre-eclampsia-sooner",
        "Spotting pre-eclampsia sooner",
        themes=["maternal-health"],
        conditions=["pre-eclampsia"],
        status=StudyStatus.NOT_YET_RECRUITING,
        study_type=StudyType.OBSERVATIONAL,
        minimum_age=16,
        sex=Sex.FEMALE,
        sites=[BWH],
        summary="Testing whether a simple blood test can warn of pre-eclampsia "
        "weeks before it makes a mother unwell.",
        plain_summary="Pre-eclampsia is a problem with blood pressure in "
        "pregnancy. It can be serious for mother and baby. We want to see if a "
        "blood test can spot it early. You give one extra blood sample at your "
        "usual check-ups.",
        who_can_take_part="You are pregnant and under 20 weeks\nYou are having "
        "your baby at Birmingham Women's Hospital",
        contact_team=MATERNAL_TEAM,
        months=(2, 30),
    ),
    study(
        "when-a-childs-condition-has-no-name",
        "When a child's condition has no name",
        themes=["rare-diseases", "translational-medicine"],
        conditions=["rare-genetic-conditions"],
        status=StudyStatus.RECRUITING,
        study_type=StudyType.OBSERVATIONAL,
        maximum_age=17,
        sites=[BWC],
        summary="Children whose condition has no name yet, and their parents, "
        "can have their genes read to look for the cause.",
        plain_summary="Some children have a health problem that doctors cannot "
        "name. Reading the child's genes, and their parents' genes, can find "
        "the cause. A name for the condition can mean better care and support "
        "for the family.",
        who_can_take_part="Your child is under 18\nYour child's condition may "
        "be genetic but has no diagnosis\nParents can give a sample too",
        contact_team="The rare disease study team at Birmingham Children's Hospital",
        months=(-9, 27),
    ),
    study(
        "protecting-the-liver-in-psc",
        "A new medicine to protect the liver in PSC",
        themes=["rare-diseases", "immunology-and-inflammation"],
        conditions=["autoimmune-liver-disease"],
        status=StudyStatus.RECRUITING,
        phase=Phase.PHASE_2,
        minimum_age=18,
        maximum_age=75,
        sites=[UHB],
        summary="A trial of a new medicine for primary sclerosing cholangitis, "
        "a rare disease that scars the liver's bile ducts.",
        plain_summary="PSC is a rare illness. It slowly damages the tubes that "
        "carry bile out of the liver. There is no medicine that stops it yet. "
        "We are testing a new tablet to see if it slows the damage.",
        who_can_take_part="You are between 18 and 75\nA doctor has told you "
        "that you have PSC\nYou have not had a liver transplant",
        contact_team=TRIALS_UNIT,
        months=(-4, 20),
    ),
    study(
        "staying-steady-after-hospital",
        "Staying steady on your feet after a hospital stay",
        themes=["clinical-trials", "applied-health-research"],
        conditions=["falls"],
        status=StudyStatus.RECRUITING,
        phase=Phase.NOT_APPLICABLE,
        minimum_age=65,
        sites=[UHB, ROH],
        summary="Does a home exercise plan stop older people falling in the "
        "months after they leave hospital?",
        plain_summary="Many older people fall after a stay in hospital. A fall "
        "can mean going back in. We are testing simple exercises you do at "
        "home, with visits from a physiotherapist. We will see if they help "
        "people stay on their feet.",
        who_can_take_part="You are 65 or over\nYou are going home from "
        "hospital soon\nYou can walk, with or without a stick",
        contact_team=TRIALS_UNIT,
        months=(-1, 15),
    ),
    study(
        "a-better-dressing-after-surgery",
        "A better dressing after surgery?",
        themes=["clinical-trials", "patient-safety"],
        conditions=["wound-infection"],
        status=StudyStatus.RECRUITING,
        phase=Phase.NOT_APPLICABLE,
        minimum_age=18,
        sites=[UHB, SWB],
        summary="Comparing two kinds of wound dressing to find which keeps "
        "infection away after an operation on the tummy.",
        plain_summary="After an operation, a wound can get infected. That can "
        "mean pain and a longer stay. We are comparing two types of dressing. "
        "Both are already used in the NHS. We want to know which one works "
        "best.",
        who_can_take_part="You are 18 or over\nYou are having planned surgery "
        "on your tummy",
        contact_team=TRIALS_UNIT,
        months=(-5, 12),
    ),
    study(
        "immune-cell-therapy-for-blood-cancer",
        "An immune cell therapy for blood cancer",
        themes=["cancer", "immunology-and-inflammation"],
        conditions=["blood-cancer"],
        status=StudyStatus.RECRUITING,
        phase=Phase.PHASE_1_2,
        minimum_age=18,
        sites=[UHB],
        summary="An early trial of a treatment that trains a patient's own "
        "immune cells to attack blood cancer.",
        plain_summary="Our immune system fights illness. In this trial, we take "
        "some of your immune cells and change them in a lab so they can find "
        "cancer cells. Then we give them back to you. We want to check it is "
        "safe and see if it works.",
        who_can_take_part="You are 18 or over\nYour blood cancer has come back, "
        "or other treatments have not worked",
        contact_team=CANCER_UNIT,
        months=(-7, 30),
    ),
    study(
        "bowel-screening-who-takes-the-test",
        "Bowel screening: who takes the test, and why not?",
        themes=["health-inequalities", "cancer"],
        conditions=["bowel-cancer"],
        status=StudyStatus.RECRUITING,
        study_type=StudyType.OBSERVATIONAL,
        minimum_age=50,
        maximum_age=74,
        healthy_volunteers=True,
        sites=[SWB],
        summary="A short interview about the home bowel screening kit, to help "
        "more people in every community use it.",
        plain_summary="The bowel screening kit can find cancer early, when it is "
        "easier to treat. But some groups use it less than others. We want to "
        "hear why. Taking part means one chat of about half an hour, in the "
        "language you prefer.",
        who_can_take_part="You are between 50 and 74\nYou live in Birmingham "
        "or Sandwell\nYou do not need to have done the test",
        contact_team="The health inequalities research team at the University "
        "of Birmingham",
        months=(-2, 9),
    ),
    study(
        "diabetes-care-in-your-language",
        "Diabetes care in your own language",
        themes=["health-inequalities", "applied-health-research"],
        conditions=["type-2-diabetes"],
        status=StudyStatus.RECRUITING,
        phase=Phase.NOT_APPLICABLE,
        minimum_age=18,
        sites=[SWB],
        summary="Testing diabetes education sessions given in community "
        "languages, with local health workers.",
        plain_summary="Type 2 diabetes is common in Birmingham. Advice is not "
        "always given in the language people speak at home. We are testing "
        "group sessions in several languages. We will see if they help people "
        "manage their blood sugar.",
        who_can_take_part="You are 18 or over\nYou have type 2 diabetes\nYou "
        "would like advice in a language other than English",
        contact_team="The applied health research team at the University of Birmingham",
        months=(-8, 16),
    ),
    study(
        "an-app-to-support-recovery-from-psychosis",
        "An app to support recovery from psychosis",
        themes=["mental-health"],
        conditions=["psychosis"],
        status=StudyStatus.NOT_YET_RECRUITING,
        phase=Phase.NOT_APPLICABLE,
        minimum_age=16,
        maximum_age=35,
        sites=[UHB],
        summary="Young people getting help for a first episode of psychosis "
        "try a phone app alongside their usual care.",
        plain_summary="Psychosis can make people see or hear things others do "
        "not. Early help works best. We are testing a phone app that supports "
        "young people between visits. You keep your usual care as well.",
        who_can_take_part="You are between 16 and 35\nYou are being helped by "
        "an early intervention team",
        contact_team="The youth mental health research team at the University "
        "of Birmingham",
        months=(3, 27),
    ),
    study(
        "predicting-kidney-problems-after-surgery",
        "Predicting kidney problems after surgery",
        themes=["health-data-science", "clinical-informatics"],
        conditions=["kidney-injury"],
        status=StudyStatus.COMPLETED,
        study_type=StudyType.OBSERVATIONAL,
        minimum_age=18,
        sites=[UHB],
        summary="A completed study that used hospital records to warn doctors "
        "early when a patient's kidneys may be at risk.",
        plain_summary="After a big operation, the kidneys can stop working well. "
        "This study used health records, with names removed, to build a "
        "warning for doctors. It has finished, and the results are being "
        "written up.",
        who_can_take_part="This study is no longer looking for people",
        contact_team="The health data research team at University Hospitals Birmingham",
        months=(-36, -3),
    ),
    study(
        "your-data-your-say",
        "Your data, your say: a public panel on health data",
        themes=["health-data-science", "health-inequalities"],
        status=StudyStatus.CLOSED,
        study_type=StudyType.OBSERVATIONAL,
        minimum_age=18,
        healthy_volunteers=True,
        sites=[UHB],
        summary="A public panel that helped decide how health records may be "
        "used for research. It is no longer taking new members.",
        plain_summary="Hospitals hold a lot of information about our health. "
        "Researchers can learn from it. This panel of local people met to say "
        "how that should be done fairly and safely.",
        who_can_take_part="You are 18 or over\nYou live in the West Midlands",
        contact_team="The public involvement team at the Midlands HDR UK site",
        months=(-14, 4),
    ),
]


def months_from_today(months):
    today = datetime.date.today()
    month = today.month - 1 + months
    return datetime.date(today.year + month // 12, month % 12 + 1, 1)


def load_conditions():
    return {
        slug: ConditionFactory(slug=slug, name=name, synonyms="\n".join(synonyms))
        for slug, (name, synonyms) in CONDITIONS.items()
    }


def demo_team():
    """The demo study team's group, which may sign in to the admin."""
    group, _ = Group.objects.get_or_create(name=DEMO_TEAM)
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    return group


def load_studies(home):
    index = ensure_page(
        StudyIndexPageFactory,
        home,
        "take-part",
        title="Take part in research",
        show_in_menus=True,
        summary="Find a study that is looking for people like you, and register "
        "your interest with the team that runs it.",
        introduction="Research needs people of every age and background, with "
        "and without health conditions. Find a study near you, read who can "
        "take part, and let the team know you are interested.",
    )
    conditions = load_conditions()
    themes = {page.slug: page for page in ResearchThemePage.objects.all()}
    organisations = {org.name: org for org in Organisation.objects.all()}
    team = demo_team()
    for slug, title, fields in STUDIES:
        fields = dict(fields)
        start, end = fields.pop("months")
        ensure_page(
            StudyPageFactory,
            index,
            slug,
            title=title,
            start_date=months_from_today(start),
            expected_end_date=months_from_today(end),
            conditions=[conditions[name] for name in fields.pop("conditions", [])],
            themes=[themes[name] for name in fields.pop("themes") if name in themes],
            sites=[organisations[name] for name in fields.pop("sites")],
            partners=[organisations[UOB]],
            team_group=team,
            **fields,
        )
    return index


def load():
    # In the main menu, so every page links to it, the home page included.
    return load_studies(home_page())
