"""Each dataset's metrics on tiny hand-written gold files; expected values worked out by hand."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import pytest

from thucydides.evaluation import evaluate
from thucydides.models import Article, Event


def _check(metrics: dict[str, float | int], expected: dict[str, float]) -> None:
    got = {k: metrics.get(k) for k in expected}
    assert got == pytest.approx(expected), got


def _record(
    rid: str, dataset: str, events: list[dict[str, Any]] | None, **extra: Any
) -> dict[str, Any]:
    record: dict[str, Any] = {"id": rid, "dataset": dataset, "lang": "en", "text": f"text {rid}"}
    if events is not None:
        record["events"] = events
    record.update(extra)
    return record


ActorSpec = tuple[str, str | None, list[str], str | None]  # code, code3, sectors, text


def _gold(
    plover: str | None = None,
    cameo: str | None = None,
    source: Sequence[ActorSpec] = (),
    target: Sequence[ActorSpec] = (),
    **extra: Any,
) -> dict[str, Any]:
    def actors(specs: Sequence[ActorSpec]) -> list[dict[str, Any]]:
        return [
            {"code": code, "code3": code3, "country": code3, "sectors": list(sectors), "text": text}
            for code, code3, sectors, text in specs
        ]

    return {
        "cameo": cameo,
        "cameo_root": cameo[:2] if cameo else None,
        "plover": plover,
        "source": actors(source),
        "target": actors(target),
        **extra,
    }


# --- plover_gsr_en ------------------------------------------------------------------------------


def test_plover_gsr(gold_file: Any, coder_for: Any, ev: Any, actor: Any) -> None:
    ds = "plover_gsr_en"
    path = gold_file(
        [
            _record("r1", ds, [_gold("AGREE", source=[("HUNGOV", "HUN", ["GOV"], "Hungarian")],
                                     target=[("ROU", "ROU", [], "Romania")],
                                     plover_context="diplomatic")]),
            _record("r2", ds, [_gold("ASSAULT", source=[("USAMIL", "USA", ["MIL"], "US")],
                                     target=[("IRQ", "IRQ", [], "Iraq")],
                                     plover_mode="heavy-weapons", plover_context="military",
                                     location={"name": "Basra"})]),
            _record("r3", ds, [_gold("PROTEST", source=[("FRACVL", "FRA", ["CVL"], "French")],
                                     plover_context="political")], lang="fr"),
        ]
    )  # fmt: skip
    hun = actor("HUNGOV", "HUN", ["GOV"])
    events = {
        "r1": [
            ev("040", "CONSULT", start=0),  # first in the sentence: the top-1 (wrong)
            ev("057", "AGREE", start=10, contexts=["diplomatic"], actors=[hun],
               recipients=[actor("ROU", "ROU")]),
        ],
        "r2": [
            ev("194", "ASSAULT", mode="heavy-weapons", contexts=["military"],
               actors=[actor("USAMIL", "USA", ["MIL"])], recipients=[actor("SYR", "SYR")],
               place="Basra"),
        ],
    }  # fmt: skip
    report = evaluate(path, coder_for(events, skip_languages={"fr"}))
    _check(
        report.metrics,
        {
            "n_records": 3, "n_coded": 2, "coverage": 2 / 3, "n_not_coded": 1, "n_no_events": 0,
            "n_nothing": 1, "n_gold_events": 3, "n_predicted_events": 3,
            "type_hit_rate": 2 / 3,  # AGREE and ASSAULT among the predictions, PROTEST not
            "top1_accuracy": 1 / 3,  # only r2's first event has the gold type
            "top1_macro_f1": 1 / 4,  # AGREE 0, CONSULT 0, ASSAULT 1, PROTEST 0
            "type_precision": 2 / 3, "type_recall": 2 / 3, "type_f1": 2 / 3,  # tp 2, fp 1, fn 1
            "type_macro_f1": 0.5,  # AGREE 1, CONSULT 0, ASSAULT 1, PROTEST 0
            "mode_match": 1.0, "mode_match_n": 1,
            "context_match": 2 / 3, "context_match_n": 3,
            "source_code3_match": 2 / 3, "source_code3_match_n": 3,
            "target_code3_match": 1 / 2, "target_code3_match_n": 2,  # ROU yes, IRQ vs SYR no
            "source_sector_match": 2 / 3,
            "location_match": 1.0, "location_match_n": 1,
        },
    )  # fmt: skip
    assert "target_sector_match" not in report.metrics  # no gold target sectors
    assert report.confusions == (("PROTEST", "(no event)", 1),)
    rows = {r.label: r for r in report.per_type}
    assert (rows["CONSULT"].gold, rows["CONSULT"].predicted, rows["CONSULT"].correct) == (0, 1, 0)
    assert any("1 of 3 records were not coded" in n and "fr: 1" in n for n in report.notes)


def test_top1_prefers_plover_events_then_factual_then_position(
    gold_file: Any, coder_for: Any, ev: Any
) -> None:
    path = gold_file([_record("r", "plover_gsr_en", [_gold("ASSAULT")])])
    events = {
        "r": [
            ev("010", None, start=0),  # a statement (no PLOVER type) comes last
            ev("190", "ASSAULT", start=30, factual=False, modality="negated"),
            ev("130", "THREATEN", start=50),  # factual: the top-1
        ]
    }
    report = evaluate(path, coder_for(events))
    _check(report.metrics, {"type_hit_rate": 1.0, "top1_accuracy": 0.0})
    only_factual = evaluate(path, coder_for(events), factual_only=True)
    _check(only_factual.metrics, {"type_hit_rate": 0.0, "n_predicted_nonfactual": 1})
    assert only_factual.confusions == (("ASSAULT", "THREATEN", 1),)


# --- petrarch2_gsr_en ---------------------------------------------------------------------------


def test_petrarch2_gsr(gold_file: Any, coder_for: Any, ev: Any, actor: Any) -> None:
    ds = "petrarch2_gsr_en"
    path = gold_file(
        [
            _record("r1", ds, [_gold("CONSULT", "042", [("USA", "USA", [], None)],
                                     [("CHN", "CHN", [], None)])]),
            _record("r2", ds, [_gold("COERCE", "173", [("GUYJUD", "GUY", ["JUD"], None)],
                                     [("BRAPPL", "BRA", ["PPL"], None)])]),
            _record("r3", ds, []),
        ]
    )  # fmt: skip
    events = {
        "r1": [
            ev("043", "CONSULT", actors=[actor("USA", "USA")], recipients=[actor("CHN", "CHN")]),
            ev("190", "ASSAULT", actors=[actor("RUS", "RUS")], recipients=[actor("UKR", "UKR")]),
        ],
        "r3": [ev("111", "ACCUSE", actors=[actor("X", "FRA")])],
    }
    report = evaluate(path, coder_for(events))
    _check(
        report.metrics,
        {
            # (root, source, target): r1 tp 1 fp 1; r2 fn 1; r3 fp 1 -> P 1/3, R 1/2, F1 0.4
            "event_precision": 1 / 3, "event_recall": 0.5, "event_f1": 0.4,
            "root_precision": 1 / 3, "root_recall": 0.5, "root_f1": 0.4,
            "cameo_f1": 0.0, "exact_event_f1": 0.0,  # 043 is not 042
            "plover_precision": 1 / 3, "plover_recall": 0.5, "plover_f1": 0.4,
            "detection_precision": 0.5, "detection_recall": 0.5, "detection_f1": 0.5,
            "negative_records": 1, "negative_records_with_events": 1, "false_positive_events": 1,
            "source_code3_match": 0.5, "source_code3_match_n": 2,
            "source_sector_match": 0.0, "source_sector_match_n": 1,
        },
    )  # fmt: skip
    rows = {r.label: (r.gold, r.predicted, r.correct) for r in report.per_type}
    assert rows == {"04": (1, 1, 1), "17": (1, 0, 0), "19": (0, 1, 0), "11": (0, 1, 0)}
    assert report.confusions == (("17", "(no event)", 1),)


def test_compound_actors_expand_into_one_event_per_pair(
    gold_file: Any, coder_for: Any, ev: Any, actor: Any
) -> None:
    path = gold_file(
        [_record("r", "petrarch2_gsr_en", [
            _gold(None, "036", [("HUN", "HUN", [], None)], [("ROU", "ROU", [], None)]),
            _gold(None, "036", [("AUT", "AUT", [], None)], [("ROU", "ROU", [], None)]),
        ])]
    )  # fmt: skip
    both = [actor("HUNGOV", "HUN", ["GOV"]), actor("AUTGOV", "AUT", ["GOV"])]
    events = {"r": [ev("036", "AGREE", actors=both, recipients=[actor("ROU", "ROU")])]}
    report = evaluate(path, coder_for(events))
    # gold (03,HUN,ROU) (03,AUT,ROU); predicted the same two pairs; roots: gold 2, predicted 1
    _check(report.metrics, {"event_f1": 1.0, "root_precision": 1.0, "root_recall": 0.5})


# --- petrarch2_unittest -------------------------------------------------------------------------


def test_petrarch2_unittest_drops_dummy_codes_and_date_tests(
    gold_file: Any, coder_for: Any, ev: Any, actor: Any
) -> None:
    ds = "petrarch2_unittest"
    arn: list[ActorSpec] = [("ARN", "ARN", [], None)]
    gon: list[ActorSpec] = [("GON", "GON", [], None)]
    path = gold_file(
        [
            _record("r1", ds, [_gold("COOPERATE", "064", arn, gon)]),
            _record("r2", ds, [_gold("COOPERATE", "064", arn, gon),
                               _gold(None, "345", arn, gon, cameo_valid=False)]),
            _record("r3", ds, [_gold("CONSULT", "042", arn, gon)], meta={"category": "DATE"}),
            _record("r4", ds, [_gold(None, "903", arn, gon, cameo_valid=False)]),
        ]
    )  # fmt: skip
    events = {
        "r1": [ev("064", "COOPERATE", actors=[actor("ARN")], recipients=[actor("GON")])],
        "r2": [ev("064", "COOPERATE", actors=[actor("ARN")], recipients=[actor("GONGOV")])],
    }
    report = evaluate(path, coder_for(events))
    _check(
        report.metrics,
        {
            # exact (code, source code, target code): r1 tp; r2 GONGOV != GON: fp 1, fn 1
            "exact_event_precision": 0.5, "exact_event_recall": 0.5, "exact_event_f1": 0.5,
            "event_f1": 1.0,  # (root, code3, code3): GONGOV -> GON
            "root_f1": 1.0,
        },
    )  # fmt: skip
    assert list(report.metrics).index("exact_event_f1") < list(report.metrics).index("event_f1")
    assert any("scored 2 of 4 records" in n for n in report.notes)


# --- conflibert_cameo_penta_en ------------------------------------------------------------------


def test_conflibert_penta(gold_file: Any, coder_for: Any, ev: Any, actor: Any) -> None:
    ds = "conflibert_cameo_penta_en"
    spans = {"source": ["a car bomb"], "target": ["the village"], "source_and_target": []}
    path = gold_file(
        [
            _record("r1", ds, [], label={"penta_class": 4}, spans=spans),
            _record("r2", ds, [], label={"penta_class": 1}),
            _record("r3", ds, [], label={"penta_class": 0}),
            _record("r4", ds, [], label={"penta_class": 3}),
        ]
    )
    events = {
        "r1": [ev("180", "ASSAULT", actors=[actor("---", text="car bomb")],
                  recipients=[actor("---CVL", sectors=["CVL"], text="village")])],
        "r2": [ev("010", None, start=0), ev("036", "AGREE", start=9)],  # top-1 is 036 -> 1
        "r4": [ev("141", "PROTEST")],
    }  # fmt: skip
    report = evaluate(path, coder_for(events))
    _check(
        report.metrics,
        {
            "accuracy": 0.5,  # r1, r2 right; r3 no event; r4 4 instead of 3
            # class 4: tp 1 fp 1 -> 2/3; class 1: 1; class 0: 0; class 3: 0 (class 2 unseen)
            "macro_f1": (2 / 3 + 1) / 4,
            "any_event_accuracy": 0.5,
            "source_text_f1": 0.8, "source_text_f1_n": 1,  # P 1, R 2/3
            "target_text_f1": 2 / 3, "target_text_f1_n": 1,  # P 1, R 1/2
        },
    )  # fmt: skip
    assert set(report.confusions) == {("0", "(no event)", 1), ("3", "4", 1)}


# --- case2021_task2_acled_en --------------------------------------------------------------------


def test_case2021_acled_groups(gold_file: Any, coder_for: Any, ev: Any, actor: Any) -> None:
    ds = "case2021_task2_acled_en"
    subtypes = ["PEACE_PROTEST", "ARMED_CLASH", "NATURAL_DISASTER", "ORG_CRIME", "ARREST", "ATTRIB"]
    path = gold_file(
        [_record(f"r{i}", ds, [], label={"acled_subtype": s}) for i, s in enumerate(subtypes)]
    )
    events = {
        "r0": [ev("141", "PROTEST")],  # protest_peaceful: right
        "r1": [ev("190", "ASSAULT")],  # armed_clash: right
        "r3": [ev("180", "ASSAULT")],  # attack for organised crime: wrong
        "r5": [ev("112", "ACCUSE")],  # ATTRIB: reported separately
    }
    report = evaluate(path, coder_for(events))
    _check(
        report.metrics,
        {
            "group_accuracy": 3 / 5, "group_accuracy_n": 5,  # r0, r1, r2 (none) right
            # protest_peaceful 1, armed_clash 1, none (tp 1 fp 1 fn 1) 0.5, attack 0, arrest 0
            "group_macro_f1": 2.5 / 5,
            "non_political_no_event_rate": 0.5, "non_political_no_event_rate_n": 2,
            "no_event_precision": 0.5, "no_event_precision_n": 2,
            "separate_types_event_rate": 1.0, "separate_types_event_rate_n": 1,
        },
    )  # fmt: skip
    assert set(report.confusions) == {("none", "attack", 1), ("arrest", "none", 1)}


@pytest.mark.parametrize(
    ("cameo", "plover", "mode", "sectors", "group"),
    [
        ("145", "PROTEST", "riot", [], "protest_violent"),
        ("141", "PROTEST", None, [], "protest_peaceful"),
        ("173", "COERCE", "arrest", ["COP"], "arrest"),
        ("175", "COERCE", None, [], "repression"),
        ("180", "ASSAULT", None, ["COP"], "repression"),
        ("183", "ASSAULT", None, [], "attack"),
        ("1712", "COERCE", None, [], "attack"),
        ("192", "COERCE", None, [], "armed_clash"),
        ("057", "AGREE", None, [], "diplomacy"),
        ("111", "ACCUSE", None, [], None),
    ],
)
def test_acled_group_mapping(
    ev: Any,
    actor: Any,
    cameo: str,
    plover: str,
    mode: str | None,
    sectors: list[str],
    group: str | None,
) -> None:
    from thucydides.evaluation.labels import acled_group

    event = ev(cameo, plover, mode=mode, actors=[actor("X", sectors=sectors)])
    assert acled_group(event) == group


# --- india_police_events_en ---------------------------------------------------------------------


def test_india_police_events(gold_file: Any, coder_for: Any, ev: Any, actor: Any) -> None:
    ds = "india_police_events_en"
    path = gold_file(
        [
            _record("s1", ds, [], label={"police_labels": ["ANY_ACTION", "ARREST"]},
                    meta={"doc_id": 1}),
            _record("s2", ds, [], label={"police_labels": ["ANY_ACTION", "FORCE", "KILL"]},
                    meta={"doc_id": 1}),
            _record("s3", ds, [], label={"police_labels": []}, meta={"doc_id": 2}),
            _record("s4", ds, [], label={"police_labels": ["FAIL"]}, meta={"doc_id": 2}),
            _record("s5", ds, [], label={"police_labels": ["ANY_ACTION"]}, meta={"doc_id": 2}),
        ]
    )  # fmt: skip
    cop = actor("INDCOP", "IND", ["COP"], "the police")
    events = {
        "s1": [ev("173", "COERCE", mode="arrest", actors=[cop])],
        "s2": [ev("190", "ASSAULT", actors=[actor("---", text="Police")],
                  sentence="Police shot dead two rioters.")],
        "s3": [ev("180", "ASSAULT", actors=[actor("---CVL", sectors=["CVL"], text="rioters")])],
    }  # fmt: skip
    report = evaluate(path, coder_for(events))
    _check(
        report.metrics,
        {
            "any_action_precision": 1.0, "any_action_recall": 2 / 3, "any_action_f1": 0.8,
            "arrest_f1": 1.0, "force_f1": 1.0, "kill_f1": 1.0, "fail_f1": 0.0,
            "macro_f1_without_fail": (1 + 1 + 1 + 0.8) / 4,
            "doc_any_action_f1": 2 / 3,  # doc 1 found, doc 2 missed
            "doc_kill_f1": 1.0, "doc_fail_f1": 0.0, "documents": 2,
        },
    )  # fmt: skip


# --- arabic_event_detection_ar ------------------------------------------------------------------


def test_arabic_detection(gold_file: Any, coder_for: Any, ev: Any) -> None:
    ds = "arabic_event_detection_ar"

    def label(protest: str | None, assault: str | None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for kind, verdict in (("PROTEST", protest), ("ASSAULT", assault)):
            if verdict:
                out[kind] = {"label": verdict}
        return out

    path = gold_file(
        [
            _record("r1", ds, None, lang="ar", label=label("yes", None)),
            _record("r2", ds, None, lang="ar", label=label("difficult no", None)),
            _record("r3", ds, None, lang="ar", label=label("easy no", "yes")),
            _record("r4", ds, None, lang="ar", label=label("ambiguous", None)),
            _record("r5", ds, None, lang="ar", label=label(None, "difficult no")),
        ]
    )
    protest = [ev("141", "PROTEST")]
    report = evaluate(path, coder_for({"r1": protest, "r2": protest, "r4": protest}))
    _check(
        report.metrics,
        {
            "protest_precision": 0.5, "protest_recall": 1.0, "protest_f1": 2 / 3,
            "protest_hard_negative_fp_rate": 1.0, "protest_hard_negative_fp_rate_n": 1,
            "assault_recall": 0.0, "assault_f1": 0.0,
            "assault_hard_negative_fp_rate": 0.0, "assault_hard_negative_fp_rate_n": 1,
        },
    )  # fmt: skip


def test_non_english_records_rejected_by_the_coder(gold_file: Any, coder_for: Any) -> None:
    ds = "arabic_event_detection_ar"
    path = gold_file([_record(f"r{i}", ds, None, lang="ar", label={}) for i in range(4)])
    report = evaluate(path, coder_for({}, skip_languages={"ar"}))
    _check(report.metrics, {"n_records": 4, "n_coded": 0, "coverage": 0.0, "n_nothing": 4})
    assert "0.0%" in report.render()
    assert any("4 of 4 records were not coded" in n for n in report.notes)


# --- Spanish sets -------------------------------------------------------------------------------


def test_spanish_protest_plover_excludes_crime(
    gold_file: Any, coder_for: Any, ev: Any, actor: Any
) -> None:
    ds = "spanish_protest_plover_es"
    path = gold_file(
        [
            _record("r1", ds, [_gold("PROTEST", source=[("", None, [], "los manifestantes")]),
                               _gold("CRIME")]),
            _record("r2", ds, [_gold("MOBILIZE", source=[("", None, [], "campesinos")])]),
        ]
    )  # fmt: skip
    events = {"r1": [ev("141", "PROTEST", actors=[actor("---", text="manifestantes")]),
                     ev("100", "REQUEST")]}  # fmt: skip
    report = evaluate(path, coder_for(events))
    _check(
        report.metrics,
        {
            "plover_precision": 0.5, "plover_recall": 0.5, "plover_f1": 0.5,
            "source_text_overlap": (2 / 3 + 0) / 2, "source_text_overlap_n": 2,
        },
    )  # fmt: skip
    assert "root_f1" not in report.metrics  # CAMEO is not scored on this set


def test_spanish_protest_cameo_locations_and_roots(gold_file: Any, coder_for: Any, ev: Any) -> None:
    ds = "spanish_protest_cameo_es"
    path = gold_file(
        [
            _record("r1", ds, [_gold("PROTEST", "141")], locations=["BOGOTA"]),
            _record("r2", ds, [_gold("PROTEST", "141"), _gold("COERCE", "173")],
                    locations=["LIMA"]),
        ]
    )  # fmt: skip
    events = {
        "r1": [ev("141", "PROTEST", place="Bogotá")],
        "r2": [ev("145", "PROTEST", place="Quito")],
    }
    report = evaluate(path, coder_for(events))
    # roots: r1 {14} vs {14}; r2 {14, 17} vs {14} -> tp 2, fp 0, fn 1
    _check(
        report.metrics,
        {
            "root_precision": 1.0, "root_recall": 2 / 3, "root_f1": 0.8,
            "location_match": 0.5, "location_match_n": 2,
        },
    )  # fmt: skip


def test_spanish_colombia_sector_events(
    gold_file: Any, coder_for: Any, ev: Any, actor: Any
) -> None:
    ds = "spanish_colombia_violence_es"
    path = gold_file(
        [
            _record("r1", ds, [_gold("ASSAULT", "190", [("COLUAF", "COL", ["UAF"], "Paras")],
                                     [("---CVL", None, ["CVL"], "personas")])]),
            _record("r2", ds, []),
        ]
    )  # fmt: skip
    events = {
        "r1": [ev("190", "ASSAULT", actors=[actor("COLUAF", "COL", ["UAF"])],
                  recipients=[actor("---CVL", None, ["CVL"])])],
        "r2": [ev("130", "THREATEN")],
    }  # fmt: skip
    report = evaluate(path, coder_for(events))
    _check(
        report.metrics,
        {
            "sector_event_precision": 0.5, "sector_event_recall": 1.0,  # r2 is a false positive
            "source_code3_match": 1.0, "source_code3_match_n": 1,
            "false_positive_events": 1,
        },
    )  # fmt: skip


# --- generic, report ----------------------------------------------------------------------------


def test_unknown_dataset_gets_generic_scoring(gold_file: Any, coder_for: Any, ev: Any) -> None:
    path = gold_file(
        [
            _record("r1", "my_set", [_gold(None, "190")]),
            _record("r2", "my_set", []),
            _record("r3", "my_set", [_gold(None, "042")]),
        ]
    )
    report = evaluate(path, coder_for({"r1": [ev("190", "ASSAULT")], "r2": [ev("042", "CONSULT")]}))
    # detection: r1 tp, r2 fp, r3 fn; roots the same
    _check(report.metrics, {"detection_f1": 0.5, "root_f1": 0.5})
    assert any("no dataset-specific recipe" in n for n in report.notes)


def test_unknown_ids_and_render_and_json(gold_file: Any, coder_for: Any, ev: Any) -> None:
    path = gold_file([_record("r1", "plover_gsr_en", [_gold("ASSAULT")])])

    def coder(articles: Iterable[Article]) -> Iterator[tuple[str, list[Event]]]:
        for article in articles:
            yield article.id, [ev("130", "THREATEN")]
        yield "stranger", [ev("190", "ASSAULT")]

    report = evaluate(path, coder)
    assert any("1 results for ids that are not in the gold file" in n for n in report.notes)
    text = report.render()
    for piece in ("dataset plover_gsr_en", "coverage", "type_hit_rate", "(n=1)",
                  "PLOVER type", "most frequent errors", "ASSAULT -> THREATEN"):  # fmt: skip
        assert piece in text
    data = json.loads(report.to_json())
    assert data["dataset"] == "plover_gsr_en" and data["n_records"] == 1
    assert data["metrics"]["type_hit_rate"] == 0.0
    assert data["confusions"] == [{"gold": "ASSAULT", "predicted": "THREATEN", "count": 1}]
    assert {row["label"] for row in data["per_type"]} == {"ASSAULT", "THREATEN"}


def test_limit_scores_the_first_records(gold_file: Any, coder_for: Any) -> None:
    path = gold_file([_record(f"r{i}", "plover_gsr_en", [_gold("AID")]) for i in range(5)])
    report = evaluate(path, coder_for({}), limit=2)
    assert report.n_records == 2 and report.metrics["n_no_events"] == 2


# --- listing wrongly coded records (--show-errors) ------------------------------------------------


@pytest.mark.parametrize(
    ("dataset", "gold", "label", "events", "expected_gold"),
    [
        ("plover_gsr_en", [_gold("ASSAULT")], None, [("130", "THREATEN")], "ASSAULT"),
        ("plover_gsr_en", [], None, [("190", "ASSAULT")], "(no event)"),
        ("petrarch2_gsr_en", [_gold(None, "173")], None, [], "173"),
        ("conflibert_cameo_penta_en", None, {"penta_class": 4}, [("042", "CONSULT")],
         "PentaClass 4"),
        ("case2021_task2_acled_en", None, {"acled_subtype": "NATURAL_DISASTER"},
         [("190", "ASSAULT")], "none (NATURAL_DISASTER)"),
        ("india_police_events_en", None, {"police_labels": ["ARREST"]}, [],
         "ARREST (predicted none)"),
    ],
)  # fmt: skip
def test_wrong_records_are_listed_with_gold_and_predictions(
    gold_file: Any,
    coder_for: Any,
    ev: Any,
    dataset: str,
    gold: list[dict[str, Any]] | None,
    label: dict[str, Any] | None,
    events: list[tuple[str, str]],
    expected_gold: str,
) -> None:
    extra = {"label": label} if label is not None else {}
    path = gold_file([_record("bad", dataset, gold, **extra)])
    predicted = [ev(c, p, trigger=f"t{c}", start=i) for i, (c, p) in enumerate(events)]
    report = evaluate(path, coder_for({"bad": predicted}))
    (case,) = report.errors
    assert (case.record_id, case.text, case.gold) == ("bad", "text bad", expected_gold)
    want = "; ".join(f"t{c}={c}/{p}" for c, p in events) or "(no event)"
    assert case.predicted == want


def test_right_records_are_not_listed(gold_file: Any, coder_for: Any, ev: Any) -> None:
    path = gold_file([_record("ok", "plover_gsr_en", [_gold("ASSAULT")])])
    report = evaluate(path, coder_for({"ok": [ev("190", "ASSAULT")]}))
    assert report.errors == ()
    assert "wrongly coded records (0 of 0)" in report.render(show_errors=5)


def test_show_errors_renders_the_first_n(gold_file: Any, coder_for: Any, ev: Any) -> None:
    path = gold_file([_record(f"r{i}", "plover_gsr_en", [_gold("AID")]) for i in range(3)])
    events = {"r0": [ev("130", "THREATEN", trigger="warned", factual=False, modality="future")]}
    report = evaluate(path, coder_for(events))
    text = report.render(show_errors=2)
    assert "wrongly coded records (2 of 3)" in text
    assert "[r0] text r0" in text and "gold: AID" in text
    assert "predicted: warned=130/THREATEN (future)" in text
    assert "[r2]" not in text and "wrongly coded" not in report.render()
    data = json.loads(report.to_json(show_errors=1))
    assert data["n_errors"] == 3
    assert data["errors"] == [
        {"id": "r0", "text": "text r0", "gold": "AID",
         "predicted": "warned=130/THREATEN (future)"}
    ]  # fmt: skip
    assert "errors" not in json.loads(report.to_json())
