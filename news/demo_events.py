"""Demo events: about eight coming up and a dozen past, dated from the day the
demo is loaded (except the awareness days, which fall on their own dates), on
the subjects of the seeds: the Midlands HDR UK site, rare diseases, clinical
trials and health inequalities. One is cancelled and one has moved online.
Speakers are only the people the seeds name (research's demo people).

Booking goes through the site's contact page, and the online ones use open
Jitsi Meet rooms, so no link points at an invented address."""

import datetime

from django.utils import timezone

from bhp_portal.core.demo import ensure_page, paragraphs
from research.models import PersonPage

from .factories import EventIndexPageFactory, EventPageFactory
from .models import Attendance, EventSpeaker, EventStatus, EventType
from .workflow import prepare_news_index

ITM = (
    "Institute of Translational Medicine",
    "Heritage Building, Mindelsohn Way\nEdgbaston\nBirmingham B15 2TH",
)
QEHB = (
    "Queen Elizabeth Hospital Birmingham, education centre",
    "Mindelsohn Way\nEdgbaston\nBirmingham B15 2GW",
)
CAMPUS = (
    "University of Birmingham, Edgbaston campus",
    "Edgbaston\nBirmingham B15 2TT",
)
JITSI = "https://meet.jit.si/"

UOB = "University of Birmingham"
UHB = "University Hospitals Birmingham NHS Foundation Trust"
BWC = "Birmingham Women's and Children's NHS Foundation Trust"
HDRUK = "Health Data Research UK"


def last_day_of_february(year):
    return datetime.date(year, 3, 1) - datetime.timedelta(days=1)


def rare_disease_days(today):
    """The next Rare Disease Day (the last day of February) and the last."""
    this_year = last_day_of_february(today.year)
    if this_year >= today:
        return this_year, last_day_of_february(today.year - 1)
    return last_day_of_february(today.year + 1), this_year


def days_until(day, today):
    return (day - today).days


def events(today):
    next_rdd, last_rdd = rare_disease_days(today)
    # Each: (slug, days from today, start hour, hours long, fields).
    return [
        # --- Coming up -----------------------------------------------------
        (
            "health-data-science-in-the-midlands",
            10,
            13,
            4,
            {
                "title": "Health data science in the Midlands: an open afternoon",
                "event_type": EventType.CONFERENCE,
                "summary": "Researchers from the Midlands HDR UK site show how "
                "linked NHS records are improving diagnosis and treatment.",
                "body": [
                    "Birmingham Health Partners leads the Midlands site of Health "
                    "Data Research UK, with three other Midlands universities and "
                    "their NHS partners.",
                    "Short talks on diagnosis, prognosis and personalised "
                    "treatment, then time to meet the teams over coffee.",
                ],
                "attendance": Attendance.MIXED,
                "venue": ITM,
                "online_link": JITSI + "BHPHealthDataOpenAfternoon",
                "online_link_public": True,
                "registration": True,
                "capacity_note": "80 places in the room; the online stream has no limit.",
                "audience": "Researchers, clinicians, NHS analysts and students",
                "themes": ["health-data-science", "clinical-informatics"],
                "organisations": [UOB, UHB, HDRUK],
                "speakers": ["simon-ball", "andrew-morris"],
                "access": (True, True, False),
            },
        ),
        (
            "rare-disease-day-meet-the-researchers",
            days_until(next_rdd, today),
            10,
            6,
            {
                "title": "Rare Disease Day: meet the researchers",
                "event_type": EventType.OPEN_DAY,
                "summary": "Families, patients and researchers meet on Rare "
                "Disease Day to hear how Birmingham studies rare conditions "
                "from childhood to adult life.",
                "body": [
                    "Many rare diseases first show themselves in childhood. "
                    "Research across BHP's hospitals follows patients of every "
                    "age, so findings in children can help adults too.",
                    "Drop in at any time: stands, short talks and a quiet room.",
                ],
                "all_day": True,
                "venue": ITM,
                "audience": "Everyone: patients, families and carers welcome",
                "themes": ["rare-diseases"],
                "organisations": [UOB, BWC],
                "access": (True, True, True),
                "notes": "Children are welcome. There is a quiet room on the "
                "ground floor.",
            },
        ),
        (
            "clinical-trials-explained",
            21,
            18,
            2,
            {
                "title": "Clinical trials explained: a public lecture",
                "event_type": EventType.LECTURE,
                "summary": "What happens in an early-phase trial, who can take "
                "part, and how new medicines reach NHS patients.",
                "body": [
                    "An evening lecture for anyone curious about clinical trials: "
                    "how they are designed, how patients are kept safe, and what "
                    "taking part involves.",
                ],
                "venue": CAMPUS,
                "registration": True,
                "capacity_note": "150 seats, free.",
                "audience": "Everyone, no background needed",
                "themes": ["clinical-trials"],
                "organisations": [UOB],
                "access": (True, True, True),
            },
        ),
        (
            "taking-part-in-research-webinar",
            28,
            12,
            1,
            {
                "title": "Taking part in research: a webinar for patients",
                "event_type": EventType.WEBINAR,
                "summary": "An hour online on joining a clinical trial at "
                "Birmingham's hospitals, with time for questions.",
                "body": [
                    "Find out how to volunteer for studies, what to ask before "
                    "you agree, and how your data are protected.",
                ],
                "attendance": Attendance.ONLINE,
                "online_link": JITSI + "BHPTakingPartInResearch",
                "online_link_public": True,
                "audience": "Patients, carers and members of the public",
                "themes": ["clinical-trials"],
                "organisations": [UHB],
                "access": (False, True, False),
            },
        ),
        (
            "health-inequalities-research-forum",
            35,
            10,
            3,
            {
                "title": "Health inequalities research forum",
                "event_type": EventType.WORKSHOP,
                "summary": "Researchers and community groups work out together "
                "how studies can reach the people they usually miss.",
                "body": [
                    "Birmingham is one of the most diverse cities in the UK and "
                    "among its poorest. This workshop asks how research can "
                    "include everyone it is meant to help.",
                ],
                "venue": QEHB,
                "registration": True,
                "capacity_note": "40 places.",
                "audience": "Researchers and community organisations",
                "themes": ["health-inequalities"],
                "organisations": [UOB, UHB],
                "speakers": ["david-adams"],
                "access": (True, False, True),
            },
        ),
        (
            "representative-data-for-medical-ai",
            42,
            15,
            2,
            {
                "title": "Representative data for medical AI",
                "event_type": EventType.SEMINAR,
                "summary": "Why AI systems must learn from datasets that include "
                "everyone they will be used for, and new standards to help.",
                "body": [
                    "AI tools trained on data that leave out minority groups can "
                    "work less well for them. This seminar looks at standards "
                    "for building representative health datasets.",
                ],
                "status": EventStatus.MOVED_ONLINE,
                "status_note": "We have moved this seminar online so more people "
                "can join. The room booking is cancelled.",
                "venue": ITM,
                "online_link": JITSI + "BHPRepresentativeDataSeminar",
                "online_link_public": True,
                "audience": "Researchers, data scientists and clinicians",
                "themes": ["health-inequalities", "health-data-science"],
                "organisations": [UOB, UHB],
                "access": (False, True, False),
            },
        ),
        (
            "applied-health-research-showcase",
            49,
            9,
            7,
            {
                "title": "Applied health research showcase",
                "event_type": EventType.CONFERENCE,
                "summary": "A day of findings from partnerships between the NHS, "
                "social care and universities across the West Midlands.",
                "body": [
                    "Posters and talks on improving care services, from "
                    "emergency care to maternity.",
                ],
                "status": EventStatus.CANCELLED,
                "status_note": "Sorry: this showcase is cancelled. Everyone who "
                "registered has been told.",
                "venue": QEHB,
                "registration": True,
                "audience": "Health and care professionals and researchers",
                "themes": ["applied-health-research", "patient-safety"],
                "organisations": [UOB, UHB],
                "access": (True, False, False),
            },
        ),
        (
            "early-psychosis-research-seminar",
            56,
            14,
            2,
            {
                "title": "New treatments for early psychosis",
                "event_type": EventType.SEMINAR,
                "summary": "How digital registries and new partnerships are "
                "speeding up mental health research in the Midlands.",
                "body": [
                    "A seminar on precision treatments for early psychosis and "
                    "for depression that has not responded to treatment.",
                ],
                "venue": ITM,
                "audience": "Researchers and clinicians",
                "themes": ["mental-health"],
                "organisations": [UOB],
                "access": (True, True, False),
            },
        ),
        # --- Past --------------------------------------------------------------
        (
            "rare-disease-day-last-year",
            days_until(last_rdd, today),
            10,
            6,
            {
                "title": "Rare Disease Day open house",
                "event_type": EventType.OPEN_DAY,
                "summary": "Last year's Rare Disease Day at the Institute of "
                "Translational Medicine.",
                "body": ["Families and researchers met to share their stories."],
                "all_day": True,
                "venue": ITM,
                "audience": "Everyone",
                "themes": ["rare-diseases"],
                "organisations": [BWC],
                "access": (True, True, True),
            },
        ),
        *(
            (
                slug,
                -days,
                hour,
                2,
                {
                    "title": title,
                    "event_type": kind,
                    "summary": summary,
                    "body": [summary],
                    "venue": venue,
                    "audience": "Researchers and clinicians",
                    "themes": theme_slugs,
                    "organisations": [UOB, UHB],
                    "access": (True, False, False),
                },
            )
            for slug, days, hour, kind, title, summary, venue, theme_slugs in PAST
        ),
    ]


PAST = [
    ("linking-hospital-records-for-research", 8, 14, EventType.SEMINAR, "Linking hospital records for research", "How electronic health records from Birmingham's hospitals are linked, safely, for research.", ITM, ["health-data-science"]),
    ("designing-better-trials", 19, 13, EventType.WORKSHOP, "Designing better clinical trials", "A workshop on trial designs that get answers to patients sooner.", ITM, ["clinical-trials"]),
    ("health-data-research-midlands-update", 33, 15, EventType.SEMINAR, "Midlands health data research: an update", "Partners in the Midlands HDR UK site report on their joint projects.", QEHB, ["health-data-science"]),
    ("reaching-under-served-communities", 47, 10, EventType.WORKSHOP, "Reaching under-served communities in research", "Community leaders and researchers on making studies easier to join.", CAMPUS, ["health-inequalities"]),
    ("diagnosing-rare-conditions-sooner", 62, 14, EventType.SEMINAR, "Diagnosing rare conditions sooner", "How sequencing a patient's DNA is shortening the search for a diagnosis.", ITM, ["rare-diseases"]),
    ("early-phase-trials-in-birmingham", 80, 16, EventType.LECTURE, "Early-phase trials in Birmingham", "From first-in-human studies to NHS care: the path of a new medicine.", CAMPUS, ["clinical-trials"]),
    ("ai-and-fairness-in-health-data", 101, 14, EventType.SEMINAR, "AI and fairness in health data", "Making sure AI tools work for everyone they are used on.", ITM, ["health-data-science", "health-inequalities"]),
    ("inflammation-research-day", 130, 9, EventType.CONFERENCE, "Inflammation research day", "A day of immunology and inflammation research across BHP.", QEHB, ["immunology-and-inflammation"]),
    ("maternity-safety-research", 165, 13, EventType.SEMINAR, "Safer maternity care through research", "Patient safety research in maternity and emergency care.", QEHB, ["maternal-health", "patient-safety"]),
    ("cancer-trials-open-evening", 210, 17, EventType.OPEN_DAY, "Cancer trials open evening", "Meet the teams running cancer trials in Birmingham.", ITM, ["cancer"]),
    ("data-science-for-clinicians", 260, 10, EventType.WORKSHOP, "Data science for clinicians", "A hands-on introduction to analysing health data.", CAMPUS, ["clinical-informatics"]),
]  # fmt: skip


def event_fields(spec, start, end, register_url):
    # news.demo imports this module to load it, so its helpers are read late.
    from .demo import organisations, themes

    venue_name, address = spec.get("venue", ("", ""))
    step_free, captions, bsl = spec["access"]
    return {
        "title": spec["title"],
        "event_type": spec["event_type"],
        "status": spec.get("status", EventStatus.SCHEDULED),
        "status_note": spec.get("status_note", ""),
        "summary": spec["summary"],
        "body": [("rich_text", paragraphs(*spec["body"]))],
        "start": start,
        "end": end,
        "all_day": spec.get("all_day", False),
        "attendance": spec.get("attendance", Attendance.IN_PERSON),
        "venue_name": venue_name,
        "venue_address": address,
        "online_link": spec.get("online_link", ""),
        "online_link_public": spec.get("online_link_public", False),
        "registration_url": register_url if spec.get("registration") else "",
        "registration_closes": start - datetime.timedelta(days=2)
        if spec.get("registration")
        else None,
        "capacity_note": spec.get("capacity_note", ""),
        "audience": spec["audience"],
        "step_free_access": step_free,
        "captions": captions,
        "bsl_interpretation": bsl,
        "accessibility_notes": spec.get("notes", ""),
        "themes": themes(*spec["themes"]),
        "organisations": organisations(*spec["organisations"]),
        "speakers": [
            EventSpeaker(person=PersonPage.objects.get(slug=slug))
            for slug in spec.get("speakers", [])
        ],
    }


def times(today, days, hour, hours, all_day):
    day = today + datetime.timedelta(days=days)
    if all_day:
        hour, hours = 0, 23
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return start, start + datetime.timedelta(hours=hours)


def load_index(home):
    index = ensure_page(
        EventIndexPageFactory,
        home,
        "events",
        title="Events",
        show_in_menus=True,
        summary="Seminars, lectures, workshops and open days from Birmingham "
        "Health Partners.",
        introduction="Coming up at BHP and its partners. Filter by research "
        "theme, type or month, or add the events to your calendar.",
    )
    prepare_news_index(index)
    return index


def load(home):
    index = load_index(home)
    contact = home.get_children().filter(slug="contact").first()
    register_url = contact.full_url if contact else ""
    today = timezone.localdate()
    for slug, days, hour, hours, spec in events(today):
        if not register_url:
            spec.pop("registration", None)
        start, end = times(today, days, hour, hours, spec.get("all_day", False))
        fields = event_fields(spec, start, end, register_url)
        ensure_page(EventPageFactory, index, slug, **fields)
