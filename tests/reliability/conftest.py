from tests.selection.conftest import applicant, call, cohort, officer, regions  # noqa: F401
