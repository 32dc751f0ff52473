"""Column lists of the event-data formats thucydides reads and writes, in file order."""

from __future__ import annotations


def _actor(n: int) -> tuple[str, ...]:
    return (
        f"Actor{n}Code",
        f"Actor{n}Name",
        f"Actor{n}CountryCode",
        f"Actor{n}KnownGroupCode",
        f"Actor{n}EthnicCode",
        f"Actor{n}Religion1Code",
        f"Actor{n}Religion2Code",
        f"Actor{n}Type1Code",
        f"Actor{n}Type2Code",
        f"Actor{n}Type3Code",
    )


def _geo(prefix: str) -> tuple[str, ...]:
    return tuple(
        f"{prefix}Geo_{part}"
        for part in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    )


# GDELT 2.0 event table (*.export.CSV, tab-separated, no header): 61 columns.
GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *_actor(1),
    *_actor(2),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *_geo("Actor1"),
    *_geo("Actor2"),
    *_geo("Action"),
    "DATEADDED",
    "SOURCEURL",
)

# GDELT 2.0 mentions table (*.mentions.CSV, tab-separated, no header): 16 columns.
GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
)


def _party(role: str) -> tuple[str, ...]:
    return (
        f"{role} Name",
        f"{role} Country",
        f"{role} COW",
        f"Primary {role} Sector",
        f"{role} Sectors",
        f"{role} Title",
        f"{role} Name Raw",
        f"Wikipedia {role} ID",
    )


# POLECAT weekly files (tab-separated, with this header): 40 columns.
POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Contexts",
    *_party("Actor"),
    *_party("Recipient"),
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
)

# ICEWS coded events (Dataverse .tab files, with this header): 20 columns.
ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)

# ACLED exports (CSV with this header): 31 columns.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
