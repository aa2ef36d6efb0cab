"""Settings for bench/pages_bench.py: production settings plus a bench-only URL for a trivial view."""

from thaimuang_plan.settings import *  # noqa: F403

ROOT_URLCONF = "pages_urls"
STATIC_ROOT = "/tmp/pages_bench_static"
