"""Tools for `make bench` only: the bench-content command and a trivial
yardstick view. Settings install this app when BHP_BENCH is set, which
scripts/bench.py does and production never does."""
