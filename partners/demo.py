"""Demo content for partners and Health Data Research UK. Facts come from BHP's
and HDR UK's public statements; the words are ours.

Identifiers: NHS ODS codes for trusts, ROR IDs for universities and
institutes (each passes ROR's own checksum). Coordinates are of each
organisation's main campus, rounded.
"""

from django.utils.text import slugify

from bhp_portal.core.demo import (
    KEY_FACTS,
    demo_image,
    demo_wordmark,
    ensure_key_fact,
    ensure_page,
    home_page,
    paragraphs,
)
from bhp_portal.core.images import CARD_RENDITIONS, prerender

from .factories import (
    HDRUKIndexPageFactory,
    HDRUKSitePageFactory,
    OrganisationFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from .models import Organisation, PartnerPage, PartnerPageKeyFact

Kind = Organisation.Kind
Role = PartnerPage.Role

# name: (short name, kind, town, latitude, longitude, identifiers and website)
ORGANISATIONS = {
    "University of Birmingham": ("UoB", Kind.UNIVERSITY, "Birmingham", 52.4508, -1.9305, {"ror_id": "03angcq70", "website": "https://www.birmingham.ac.uk/"}),
    "University Hospitals Birmingham NHS Foundation Trust": ("UHB", Kind.NHS_TRUST, "Birmingham", 52.4531, -1.9383, {"ods_code": "RRK", "website": "https://www.uhb.nhs.uk/"}),
    "Birmingham Women's and Children's NHS Foundation Trust": ("BWC", Kind.NHS_TRUST, "Birmingham", 52.4846, -1.8949, {"ods_code": "RQ3", "website": "https://bwc.nhs.uk/"}),
    "Birmingham Women's Hospital": ("BWH", Kind.HOSPITAL, "Birmingham", 52.4527, -1.9389, {}),
    "The Royal Orthopaedic Hospital NHS Foundation Trust": ("ROH", Kind.NHS_TRUST, "Birmingham", 52.4166, -1.9706, {"ods_code": "RRJ", "website": "https://roh.nhs.uk/"}),
    "Sandwell and West Birmingham NHS Trust": ("SWB", Kind.NHS_TRUST, "Birmingham", 52.4917, -1.9285, {"ods_code": "RXK", "website": "https://www.swbh.nhs.uk/"}),
    "West Midlands Academic Health Science Network": ("WMAHSN", Kind.NETWORK, "Birmingham", 52.4535, -1.9290, {}),
    "Health Data Research UK": ("HDR UK", Kind.FUNDER, "London", 51.5246, -0.1340, {"website": "https://www.hdruk.ac.uk/"}),
    "Wellcome Sanger Institute": ("", Kind.RESEARCH_INSTITUTE, "Hinxton", 52.0797, 0.1863, {"ror_id": "05cy4wa09", "website": "https://www.sanger.ac.uk/"}),
    "European Bioinformatics Institute": ("EMBL-EBI", Kind.RESEARCH_INSTITUTE, "Hinxton", 52.0794, 0.1857, {"ror_id": "02catss52", "website": "https://www.ebi.ac.uk/"}),
    "University of Cambridge": ("", Kind.UNIVERSITY, "Cambridge", 52.2043, 0.1149, {"ror_id": "013meh722", "website": "https://www.cam.ac.uk/"}),
    "UCL": ("", Kind.UNIVERSITY, "London", 51.5246, -0.1340, {"ror_id": "02jx3x895", "website": "https://www.ucl.ac.uk/"}),
    "Imperial College London": ("", Kind.UNIVERSITY, "London", 51.4988, -0.1749, {"ror_id": "041kmwe10", "website": "https://www.imperial.ac.uk/"}),
    "King's College London": ("KCL", Kind.UNIVERSITY, "London", 51.5115, -0.1160, {"ror_id": "0220mzb33", "website": "https://www.kcl.ac.uk/"}),
    "Queen Mary University of London": ("QMUL", Kind.UNIVERSITY, "London", 51.5241, -0.0404, {"ror_id": "026zzn846", "website": "https://www.qmul.ac.uk/"}),
    "London School of Hygiene & Tropical Medicine": ("LSHTM", Kind.UNIVERSITY, "London", 51.5208, -0.1300, {"ror_id": "00a0jsq62", "website": "https://www.lshtm.ac.uk/"}),
    "University of Leicester": ("", Kind.UNIVERSITY, "Leicester", 52.6211, -1.1246, {"ror_id": "04h699437", "website": "https://le.ac.uk/"}),
    "University of Nottingham": ("", Kind.UNIVERSITY, "Nottingham", 52.9387, -1.1968, {"ror_id": "01ee9ar58", "website": "https://www.nottingham.ac.uk/"}),
    "University of Warwick": ("", Kind.UNIVERSITY, "Coventry", 52.3793, -1.5615, {"ror_id": "01a77tt86", "website": "https://warwick.ac.uk/"}),
    "University of Oxford": ("", Kind.UNIVERSITY, "Oxford", 51.7548, -1.2544, {"ror_id": "052gg0110", "website": "https://www.ox.ac.uk/"}),
    "University of Edinburgh": ("", Kind.UNIVERSITY, "Edinburgh", 55.9445, -3.1892, {"ror_id": "01nrxwf90", "website": "https://www.ed.ac.uk/"}),
    "University of Aberdeen": ("", Kind.UNIVERSITY, "Aberdeen", 57.1648, -2.1015, {"ror_id": "016476m91", "website": "https://www.abdn.ac.uk/"}),
    "University of Dundee": ("", Kind.UNIVERSITY, "Dundee", 56.4582, -2.9821, {"ror_id": "03h2bxq36", "website": "https://www.dundee.ac.uk/"}),
    "University of Glasgow": ("", Kind.UNIVERSITY, "Glasgow", 55.8721, -4.2882, {"ror_id": "00vtgdb53", "website": "https://www.gla.ac.uk/"}),
    "University of St Andrews": ("", Kind.UNIVERSITY, "St Andrews", 56.3417, -2.7943, {"ror_id": "02wn5qz54", "website": "https://www.st-andrews.ac.uk/"}),
    "University of Strathclyde": ("", Kind.UNIVERSITY, "Glasgow", 55.8621, -4.2424, {"ror_id": "00n3w3b69", "website": "https://www.strath.ac.uk/"}),
    "Swansea University": ("", Kind.UNIVERSITY, "Swansea", 51.6097, -3.9801, {"ror_id": "053fq8t95", "website": "https://www.swansea.ac.uk/"}),
    "Queen's University Belfast": ("QUB", Kind.UNIVERSITY, "Belfast", 54.5844, -5.9342, {"ror_id": "00hswnk62", "website": "https://www.qub.ac.uk/"}),
}  # fmt: skip

DESCRIPTIONS = {
    "University of Birmingham": "A research university ranked among the world's top 100, home to one of the largest medical schools in the UK.",
    "University Hospitals Birmingham NHS Foundation Trust": "Runs the Queen Elizabeth Hospital Birmingham, a major trauma centre with Europe's largest critical care unit.",
    "Birmingham Women's and Children's NHS Foundation Trust": "Cares for women, babies and children from pregnancy through childhood, across Birmingham and beyond.",
    "Birmingham Women's Hospital": "A specialist maternity and gynaecology hospital, home of the West Midlands Regional Genetics Service.",
    "The Royal Orthopaedic Hospital NHS Foundation Trust": "A specialist hospital for bone, joint and musculoskeletal conditions.",
    "Sandwell and West Birmingham NHS Trust": "Provides hospital and community care to the people of Sandwell and western Birmingham.",
    "West Midlands Academic Health Science Network": "The regional network that links the NHS, universities and industry to spread innovation across the West Midlands.",
    "Health Data Research UK": "The UK's national institute for health data science, set up to use data at scale to improve people's health.",
}


def load_organisations():
    """Every organisation once, keyed by name; existing records are kept."""
    organisations = {}
    for name, (short, kind, town, lat, lon, extra) in ORGANISATIONS.items():
        organisations[name] = OrganisationFactory(
            name=name,
            short_name=short,
            kind=kind,
            town=town,
            latitude=lat,
            longitude=lon,
            description=DESCRIPTIONS.get(name, ""),
            **extra,
        )
    bwh = organisations["Birmingham Women's Hospital"]
    if bwh.parent_id is None:
        bwh.parent = organisations[
            "Birmingham Women's and Children's NHS Foundation Trust"
        ]
        bwh.save(update_fields=["parent"])
    return organisations


PARTNER_FACTS = {
    "uob_ranking": {
        "figure": "Top 100",
        "label": "universities in the world, where Birmingham is ranked",
        "source_name": "University of Birmingham",
    },
    "uob_students": {
        "figure": "5,000+",
        "label": "international students, from more than 150 countries",
        "source_name": "University of Birmingham",
    },
    "uhb_theatres": {
        "figure": "32",
        "label": "operating theatres at University Hospitals Birmingham",
        "source_name": "University Hospitals Birmingham",
    },
    "uhb_patients": {
        "figure": "1",
        "unit": "million+",
        "label": "patients cared for by University Hospitals Birmingham in 2016/17",
        "source_name": "University Hospitals Birmingham",
    },
    "uhb_staff": {
        "figure": "9,500+",
        "label": "staff employed by University Hospitals Birmingham",
        "source_name": "University Hospitals Birmingham",
    },
    "uhb_members": {
        "figure": "23,000+",
        "label": "members of University Hospitals Birmingham NHS Foundation Trust",
        "source_name": "University Hospitals Birmingham",
    },
    "clrn_leads": {
        "figure": "16 of 21",
        "label": "NIHR Comprehensive Local Research Network leads for Birmingham and the Black Country on University of Birmingham staff",
        "source_name": "University of Birmingham",
    },
    "children": {
        "figure": "1.2",
        "unit": "million",
        "label": "children among the population our partners serve",
        "source_name": "Birmingham Health Partners",
    },
}

PARTNERS = [
    (
        "University of Birmingham",
        Role.FOUNDING,
        "The partnership's academic heart: its College of Medical and Dental Sciences brings discovery science, trials expertise and training to BHP.",
        [
            paragraphs(
                "The University of Birmingham is one of BHP's three founding members. Its College of Medical and Dental Sciences hosts the second largest medical school in the country and a wide base of biomedical research.",
                "Medical teaching in the city goes back to 1825, when William Sands Cox founded the medical school. Today the University's scientists work side by side with clinicians from both partner trusts on one campus.",
                "The University's research is woven into the local NHS: 16 of the 21 leads of the NIHR Comprehensive Local Research Network for Birmingham and the Black Country were members of its staff.",
            )
        ],
        ["uob_ranking", "uob_students", "clrn_leads"],
    ),
    (
        "University Hospitals Birmingham NHS Foundation Trust",
        Role.FOUNDING,
        "One of England's largest hospital trusts, host of the Institute of Translational Medicine and of a sector-leading electronic health record.",
        [
            paragraphs(
                "University Hospitals Birmingham (UHB) runs the Queen Elizabeth Hospital Birmingham, a regional centre for trauma, burns, plastic surgery, neurosciences and cancer, and the home of Europe's biggest solid organ transplant programme.",
                "In 2014 UHB became a lead genomics centre for the NHS 100,000 Genomes Project. Its electronic medical record captures data on hundreds of thousands of adult patients each year, which underpins BHP's work in health data science.",
                "In 2018 the trust merged with Heart of England NHS Foundation Trust, once one of BHP's affiliated local partners, and took on the Heartlands, Good Hope and Solihull hospitals. As a Foundation Trust, UHB is accountable to its members, of whom there are more than 23,000.",
            )
        ],
        [
            "beds",
            "critical_care",
            "uhb_theatres",
            "uhb_patients",
            "uhb_staff",
            "uhb_members",
        ],
    ),
    (
        "Birmingham Women's and Children's NHS Foundation Trust",
        Role.FOUNDING,
        "Brings care for women, babies and children into the partnership, so BHP's research spans every age.",
        [
            paragraphs(
                "Birmingham Women's and Children's NHS Foundation Trust (BWC) completes BHP's founding trio. Because it cares for patients from pregnancy through childhood, BHP can take an 'ageless' view of disease.",
                "Many of the illnesses that matter most to research funders, among them cancers and rare diseases, first show themselves in childhood. Sharing patients of all ages across sites lets our researchers follow a condition from its earliest signs.",
            )
        ],
        ["children"],
    ),
    (
        "Birmingham Women's Hospital",
        Role.AFFILIATED,
        "Specialist care for women and newborns, and home of the regional genetics service.",
        [
            paragraphs(
                "Birmingham Women's Hospital houses the West Midlands Regional Genetics Service, which underpins our rare disease research, and is a base for our work on pregnancy and miscarriage."
            )
        ],
        [],
    ),
    (
        "The Royal Orthopaedic Hospital NHS Foundation Trust",
        Role.AFFILIATED,
        "A specialist orthopaedic hospital working with BHP on musculoskeletal research.",
        [
            paragraphs(
                "The Royal Orthopaedic Hospital treats patients with complex bone and joint conditions from across the country, and works with BHP's researchers on trials and studies in its field."
            )
        ],
        [],
    ),
    (
        "Sandwell and West Birmingham NHS Trust",
        Role.AFFILIATED,
        "An NHS partner serving the communities of Sandwell and west Birmingham.",
        [
            paragraphs(
                "Sandwell and West Birmingham NHS Trust gives our research reach into some of the most diverse communities in the region, where taking part in research can do a great deal of good."
            )
        ],
        [],
    ),
    (
        "West Midlands Academic Health Science Network",
        Role.NETWORK,
        "The regional network that BHP's partnerships sit within, linking NHS, academic and industry partners.",
        [
            paragraphs(
                "BHP is part of a wider network of NHS and academic organisations brought together through the West Midlands Academic Health Science Network, which helps good ideas spread from one organisation to the next.",
                "Through the network, health services and universities in Birmingham have invested together in rare disease research.",
            )
        ],
        [],
    ),
]


def shared_images():
    """Three illustrations of linked data shared by the partner index and the
    HDR UK pages: every image costs renditions in three formats, so few images
    keep the demo quick."""
    images = [
        demo_image(
            f"Partnership illustration {n}",
            f"Illustration of {description}.",
            seed=seed,
            size=(1200, 675),
            motif=motif,
        )
        for n, (seed, motif, description) in enumerate(
            (
                (11, "network", "points linked to their neighbours in a network"),
                (12, "scatter", "data points scattered around a trend line"),
                (13, "circuit", "circuit traces between pads on a grid"),
            ),
            start=1,
        )
    ]
    prerender(images, *CARD_RENDITIONS)
    return images


def wordmark_image(name, seed):
    """The organisation's name set in type, where its logo would go: the demo
    uses no real logos."""
    image = demo_wordmark(
        f"Wordmark: {name}",
        f"The name {name} in white type on a plain coloured background.",
        name,
        seed=seed,
    )
    prerender([image], *CARD_RENDITIONS)
    return image


def load_partners(home, organisations, images):
    index = ensure_page(
        PartnerIndexPageFactory,
        home,
        "partners",
        title="Our partners",
        show_in_menus=True,
        listing_image=images[0],
        summary="The university and NHS trusts that make up Birmingham Health "
        "Partners, and the wider network we work with.",
    )
    pages = {}
    for n, (name, role, summary, body, facts) in enumerate(PARTNERS):
        org = organisations[name]
        pages[name] = ensure_page(
            PartnerPageFactory,
            index,
            org.slug,
            title=name,
            organisation=org,
            role=role,
            summary=summary,
            listing_image=wordmark_image(name, seed=n),
            body=[("rich_text", text) for text in body],
            key_facts=[
                PartnerPageKeyFact(
                    key_fact=ensure_key_fact(
                        **(PARTNER_FACTS.get(key) or KEY_FACTS[key])
                    ),
                    sort_order=i,
                )
                for i, key in enumerate(facts)
            ],
        )
    return index, pages


HDRUK_FACTS = {
    "award": {
        "figure": "£30",
        "unit": "million",
        "label": "awarded by HDR UK to its six founding sites",
        "source_name": "Health Data Research UK",
    },
    "sites": {
        "figure": "6",
        "label": "HDR UK sites across the four nations",
        "source_name": "Health Data Research UK",
    },
    "members": {
        "figure": "22",
        "label": "universities, research institutes and NHS bodies in the HDR UK sites",
        "source_name": "Health Data Research UK",
    },
    "further": {
        "figure": "£24",
        "unit": "million",
        "label": "more planned for talent and targeted data research challenges",
        "source_name": "Health Data Research UK",
    },
}

HDRUK_SITES = [
    (
        "Cambridge",
        [
            "Wellcome Sanger Institute",
            "European Bioinformatics Institute",
            "University of Cambridge",
        ],
        "Genomic and bioinformatics powerhouses on the Wellcome Genome Campus, joined by the University of Cambridge.",
        "<ul><li>Genomics at scale</li><li>Bioinformatics and shared biological data</li></ul>",
        {},
    ),
    (
        "London",
        [
            "UCL",
            "Imperial College London",
            "King's College London",
            "Queen Mary University of London",
            "London School of Hygiene & Tropical Medicine",
        ],
        "Five of the capital's universities, pooling their health data science and their links with London's NHS.",
        "<ul><li>Research with large, diverse urban populations</li><li>Epidemiology and public health</li></ul>",
        {},
    ),
    (
        "Midlands",
        [
            "University of Birmingham",
            "University of Leicester",
            "University of Nottingham",
            "University of Warwick",
            "University Hospitals Birmingham NHS Foundation Trust",
        ],
        "Led by Birmingham Health Partners: four Midlands universities and their NHS partners, building on UHB's digital hospital.",
        "<ul><li>A sector-leading digital environment at University Hospitals Birmingham</li><li>Better diagnosis, sharper prognosis and treatment tailored to each patient</li><li>Challenges that only the data of a digital NHS can answer</li></ul>",
        {
            "lead_note": "Birmingham Health Partners",
            "director": "Professor Simon Ball",
            "director_role": "Director of Digital Healthcare, University Hospitals Birmingham NHS Foundation Trust",
            "body": [
                ("heading", {"text": "What the site does", "level": "h2"}),
                (
                    "rich_text",
                    paragraphs(
                        "The Midlands site joins four universities with the NHS to answer questions about diagnosis, prognosis and treatment that need health data at scale. Its starting point is the digital environment built at University Hospitals Birmingham, where the electronic record follows each patient through the hospital.",
                        "Working across Birmingham, Leicester, Nottingham and Warwick, the site's researchers, informaticians and data scientists aim to spot illness earlier, predict more precisely how it will progress and tailor treatment to each patient, first in the region and then across the UK.",
                    ),
                ),
                (
                    "heading",
                    {"text": "Birmingham Health Partners' part", "level": "h2"},
                ),
                (
                    "rich_text",
                    paragraphs(
                        "Birmingham Health Partners leads the site. Its Director, Professor David Adams, Pro-Vice-Chancellor at the University of Birmingham, described the award as a collaboration of four Midlands universities with their NHS partners.",
                        "The site's Director is Professor Simon Ball, Director of Digital Healthcare at University Hospitals Birmingham NHS Foundation Trust.",
                    ),
                ),
                ("heading", {"text": "Funding", "level": "h2"}),
                (
                    "rich_text",
                    paragraphs(
                        "The Midlands is one of six founding sites that shared an initial £30 million from Health Data Research UK in 2018, awarded after interviews with an international panel. Each site's organisations receive long-term funding, and a further £24 million was planned for a Future Talent Programme and new partnership sites.",
                    ),
                ),
            ],
            "roles": {
                "University of Birmingham": "Leads the site through Birmingham Health Partners",
                "University of Leicester": "Partner university",
                "University of Nottingham": "Partner university",
                "University of Warwick": "Partner university",
                "University Hospitals Birmingham NHS Foundation Trust": "NHS partner; its digital hospital record is the site's foundation, and its Director of Digital Healthcare directs the site",
            },
        },
    ),
    (
        "Oxford",
        ["University of Oxford"],
        "The University of Oxford's health data science, as one of the six founding sites.",
        "<ul><li>Long-running population studies and clinical trials</li></ul>",
        {},
    ),
    (
        "Scotland",
        [
            "University of Edinburgh",
            "University of Aberdeen",
            "University of Dundee",
            "University of Glasgow",
            "University of St Andrews",
            "University of Strathclyde",
        ],
        "Six Scottish universities working as one site, drawing on Scotland's national health records.",
        "<ul><li>Linked national health records</li><li>Collaboration across six universities</li></ul>",
        {},
    ),
    (
        "Wales and Northern Ireland",
        ["Swansea University", "Queen's University Belfast"],
        "Swansea and Belfast together, bringing the data strengths of two nations into the network.",
        "<ul><li>Population data linkage</li><li>Research across two nations' health services</li></ul>",
        {},
    ),
]


def load_hdruk(home, organisations, images):
    facts = {key: ensure_key_fact(**fields) for key, fields in HDRUK_FACTS.items()}
    index = ensure_page(
        HDRUKIndexPageFactory,
        home,
        "hdr-uk",
        title="Health Data Research UK",
        show_in_menus=True,
        listing_image=images[2],
        network=organisations["Health Data Research UK"],
        summary="BHP leads the Midlands site of Health Data Research UK, one of six "
        "sites that use data science to tackle hard questions in health.",
        body=[
            (
                "rich_text",
                paragraphs(
                    "Health Data Research UK (HDR UK) is the national institute for health data science. It began by funding six sites across the UK with a £30 million award, chosen after a demanding process that included interviews with an international panel.",
                    "Each site brings world-class expertise, a record of turning health data into new knowledge, and close working with the NHS and the public. Together, as HDR UK's founding partners, they set out to improve people's health by using data science on a national scale: to prevent, detect and diagnose illnesses such as cancer, heart disease and asthma earlier and better.",
                ),
            ),
            (
                "key_facts",
                {"heading": "The award in figures", "facts": list(facts.values())},
            ),
            ("heading", {"text": "Who funds HDR UK", "level": "h2"}),
            (
                "rich_text",
                paragraphs(
                    "HDR UK is a joint investment led by the Medical Research Council with the British Heart Foundation, the National Institute for Health Research, the Economic and Social Research Council, the Engineering and Physical Sciences Research Council, the research divisions of the Welsh Government and of Northern Ireland's Public Health Agency, the Chief Scientist Office of the Scottish Government, and Wellcome.",
                    "A further £24 million was set aside for later work, including a Future Talent Programme and extra partnership sites aimed at particular data challenges. The public's voice is built into HDR UK's work, which follows the highest ethical standards.",
                ),
            ),
        ],
    )
    sites = {}
    for n, (region, members, summary, strengths, extra) in enumerate(HDRUK_SITES):
        extra = dict(extra)
        roles = extra.pop("roles", {})
        sites[region] = ensure_page(
            HDRUKSitePageFactory,
            index,
            slugify(region),
            title=f"HDR UK {region}",
            region=region,
            summary=summary,
            strengths=strengths,
            listing_image=images[n % len(images)],
            members=HDRUKSitePageFactory.members_for(
                (organisations[name] for name in members), roles
            ),
            **extra,
        )
    return index, sites


def load():
    home = home_page()
    organisations = load_organisations()
    images = shared_images()
    load_partners(home, organisations, images)
    load_hdruk(home, organisations, images)
