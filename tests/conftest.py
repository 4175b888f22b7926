import pytest

from analysis.plan import load_indicators, plan_values


@pytest.fixture(scope="session")
def indicators():
    return load_indicators()


@pytest.fixture(scope="session")
def values():
    return plan_values()


def write_csv(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path
