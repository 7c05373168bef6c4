"""Scale benchmarks: a data generator at ten times the largest real program, a load run against
gunicorn, and the results writer. Run with `make bench` (see README.md, "Benchmarks")."""
