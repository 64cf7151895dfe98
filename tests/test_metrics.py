"""Metric functions against values computed by hand, including ties and empty results."""

import math

import pytest

from eval.metrics import abstention, hit_at, mean, ndcg_at, recall_in_budget, reciprocal_rank


def test_hit_and_reciprocal_rank():
    rels = [False, False, True, True]
    assert hit_at(rels, 1) == 0.0 and hit_at(rels, 3) == 1.0
    assert reciprocal_rank(rels) == pytest.approx(1 / 3)
    assert reciprocal_rank(rels, k=2) == 0.0
    assert reciprocal_rank([]) == 0.0 and hit_at([], 5) == 0.0


def test_ndcg_by_hand():
    # relevant at ranks 2 and 3; ideal has them at 1 and 2
    dcg = 1 / math.log2(3) + 1 / math.log2(4)
    idcg = 1 / math.log2(2) + 1 / math.log2(3)
    assert ndcg_at([False, True, True]) == pytest.approx(dcg / idcg)
    assert ndcg_at([True, False]) == 1.0
    assert ndcg_at([False, False]) == 0.0 and ndcg_at([]) == 0.0
    # one relevant retrieved, but two exist: ideal counts both
    assert ndcg_at([True], n_relevant=2) == pytest.approx(1 / (1 + 1 / math.log2(3)))


def test_recall_within_a_context_budget():
    found = [{0}, set(), {1}]
    assert recall_in_budget(found, [100, 100, 100], 2, budget=300) == 1.0
    assert recall_in_budget(found, [100, 100, 100], 2, budget=250) == 0.5
    assert recall_in_budget(found, [500, 10, 10], 2, budget=100) == 0.5  # first result always fits
    assert recall_in_budget([], [], 0, budget=100) == 0.0


def test_abstention_precision_recall_and_ties():
    pred = [True, True, False, False]
    truth = [True, False, True, False]
    got = abstention(pred, truth)
    assert got["precision"] == 0.5 and got["recall"] == 0.5
    assert got["false_abstention_rate"] == 0.5
    assert abstention([], []) == {
        "precision": 0.0, "recall": 0.0, "false_abstention_rate": 0.0, "abstained": 0, "unanswerable": 0,
    }  # fmt: skip
    assert mean([]) == 0.0 and mean([1.0, 0.0]) == 0.5


def test_threshold_calibration_by_hand():
    from eval.calibrate import choose_threshold, cross_validate, rates

    scores = [0.9, 0.8, 0.7, 0.6, 0.3, 0.2, 0.55]
    unanswerable = [False, False, False, False, True, True, True]
    t = choose_threshold(scores, unanswerable)
    assert 0.59 < t <= 0.6  # the lowest answerable score stays answered
    got = rates(scores, unanswerable, t)
    assert got["abstention_recall"] == 1.0 and got["false_abstention_rate"] == 0.0
    cv = cross_validate([str(i) for i in range(7)], scores, unanswerable)
    assert cv["chosen"]["threshold"] == t and len(cv["held_out"]["folds"]) == 2


def test_ndcg_stays_within_one_when_more_results_hold_the_evidence_than_expected():
    assert ndcg_at([True, True], 10, n_relevant=1) == 1.0
