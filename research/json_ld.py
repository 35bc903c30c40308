"""A study as schema.org JSON-LD: a MedicalTrial when it tests a treatment,
otherwise a MedicalObservationalStudy (both MedicalStudy)."""

from .models import Phase, StudyStatus, StudyType

# schema.org's MedicalStudyStatus values.
STATUS = {
    StudyStatus.NOT_YET_RECRUITING: "https://schema.org/NotYetRecruiting",
    StudyStatus.RECRUITING: "https://schema.org/Recruiting",
    StudyStatus.CLOSED: "https://schema.org/ActiveNotRecruiting",
    StudyStatus.COMPLETED: "https://schema.org/Completed",
}
TRIAL_TYPES = {StudyType.INTERVENTIONAL, StudyType.EXPANDED_ACCESS}


def study_json_ld(study, request, source):
    """`source` is the study with its conditions and organisations loaded."""
    data = {
        "@type": "MedicalTrial"
        if study.study_type in TRIAL_TYPES
        else "MedicalObservationalStudy",
        "name": study.title,
        "url": study.get_full_url(request),
        "status": STATUS[study.status],
    }
    if study.plain_summary or study.summary:
        data["description"] = study.plain_summary or study.summary
    conditions = [
        {"@type": "MedicalCondition", "name": condition.name}
        for condition in source.conditions.all()
    ]
    if conditions:
        data["healthCondition"] = conditions
    if study.phase and study.phase != Phase.NOT_APPLICABLE:
        data["phase"] = study.get_phase_display()
    if study.sponsor:
        data["sponsor"] = {"@type": "Organization", "name": study.sponsor}
    elif source.partners.all():
        data["sponsor"] = [
            {"@type": "Organization", "name": org.name} for org in source.partners.all()
        ]
    hospitals = [
        {"@type": "Hospital", "name": org.name, **address(org)}
        for org in source.sites.all()
    ]
    if hospitals:
        data["location"] = hospitals
    identifiers = [
        {"@type": "PropertyValue", "propertyID": label, "value": value}
        for label, value, _url in study.registry_links()
    ]
    if identifiers:
        data["identifier"] = identifiers
    return data


def address(org):
    if not org.town:
        return {}
    return {
        "address": {
            "@type": "PostalAddress",
            "addressLocality": org.town,
            "addressCountry": "GB",
        }
    }
