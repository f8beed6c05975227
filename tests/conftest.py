"""Shared test set-up.

The rule tests of policies and flows (modules named ``test_policies*``, ``test_policy_*``, ``test_flows*``,
``test_flow_*``) read one or two invented sentences, and most of those hold none of the topic gate's words
(``extractors/topic.py``), a test made for whole articles. Those modules run with the gate off, so that they keep
testing the rules; ``tests/test_topic_gate.py`` tests the gate, and every other test (builds, evaluation, the
command line) runs with the default.
"""

from __future__ import annotations

import pytest

_RULE_TEST_PREFIXES = ("test_policies", "test_policy_", "test_flows", "test_flow_")


@pytest.fixture(autouse=True, scope="module")
def _rule_tests_without_topic_gate(request):
    """Module-scoped, so it is in force before any module-scoped fixture extracts something."""
    if not request.module.__name__.rsplit(".", 1)[-1].startswith(_RULE_TEST_PREFIXES):
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MIGRAPH_TOPIC_GATE", "0")
        yield
