"""The benchmark: data at scale, then the measurements, then the results files.

    python -m benchmarks.run --scale 1            # what `make bench` runs
    python -m benchmarks.run --scale 0.1 --reuse  # keep data generated earlier at that scale

The database is DATABASE_URL (SQLite under var/bench/ when unset). It is rebuilt from scratch
unless --reuse finds data of the same scale, so its name must contain "bench": the runner
refuses any other database.

Steps: generation (demo site, then `generate.py`), cohort results recomputation, XLSX export of
every application (in a child process, for its peak memory), import of 10,000 attendance rows,
queries per request of each page (Django's test client), then gunicorn on 127.0.0.1 driven by
wrk (Debian's `wrk`): for each page, throughput with several connections and latency with one
client, the minimal Django view of benchmarks/urls.py measured the same way as the reference;
last, the weight of each public page type on first load in Chromium (Playwright).
"""

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = Path(__file__).resolve().parent / "results"
LUA = Path(__file__).resolve().parent / "wrk_report.lua"
PYTHON = sys.executable
LANGUAGES = ("en", "vi", "ar")
HOST = "127.0.0.1"
WORKERS = 4
CONNECTIONS = 8
WARM_UP_CONNECTIONS = 2 * WORKERS
WARM_UP_SECONDS = 2
SETTLE_SECONDS = 2
ATTENDANCE_ROWS = 10_000

# Targets of the issue, checked in the summary.
TARGET_RATIO = 0.30
TARGET_P95_MS = 150
TARGET_RECOMPUTE_S = 10
TARGET_EXPORT_MB = 200
TARGET_IMPORT_S = 30
TARGET_PAGE_KB = 150


def log(message):
    print(message, flush=True)


# Database ---------------------------------------------------------------------------------------


def database_settings():
    import dj_database_url

    url = os.environ.get("DATABASE_URL")
    if not url:
        return {"vendor": "sqlite", "name": str(BASE_DIR / "var" / "bench" / "db.sqlite3")}
    config = dj_database_url.parse(url)
    vendor = "postgresql" if "postgresql" in config["ENGINE"] else "sqlite"
    return {"vendor": vendor, "name": config["NAME"], "config": config}


def reset_database(database):
    # SQLite: a file under var/bench/; PostgreSQL: a database named for the benchmark.
    name = str(database["name"]) if database["vendor"] == "sqlite" else database["name"]
    if "bench" not in name:
        sys.exit(f"Refusing to rebuild database {name!r}: its name must contain 'bench'.")
    if database["vendor"] == "sqlite":
        path = Path(database["name"])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    import psycopg

    config = database["config"]
    with psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def manage(*args, env=None):
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, check=True, env=env)


def prepare(scale, reuse):
    """Generate the data unless --reuse finds it; returns the generation figures."""
    import django

    database = database_settings()
    if reuse:
        django.setup()
        from django.db.utils import DatabaseError

        from benchmarks.generate import existing_scale

        try:
            found = existing_scale()
        except DatabaseError:
            found = None
        if found == scale:
            log(f"Reusing the data generated at scale {scale}.")
            return None
        sys.exit(f"--reuse: no data at scale {scale} in this database (found {found}).")
    reset_database(database)
    started = time.perf_counter()
    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo_data", "--quiet-logins")
    demo_seconds = time.perf_counter() - started
    django.setup()
    from benchmarks.generate import Generator

    log(f"Generating data at scale {scale}…")
    generator = Generator(scale, log=log)
    started = time.perf_counter()
    counts = generator.run()
    seconds = time.perf_counter() - started
    manage("update_index", "-v", "0")
    return {
        "demo_site_seconds": round(demo_seconds, 1),
        "generation_seconds": round(seconds, 1),
        "seconds_by_step": generator.seconds,
        "rows": counts,
    }


# What is measured -------------------------------------------------------------------------------


def make_session(user):
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    try:  # the back-office asks for a fresh confirmation before exports
        from accelerator.security.identity import CONFIRMED_AT_SESSION_KEY

        session[CONFIRMED_AT_SESSION_KEY] = time.time()
    except ImportError:
        pass
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def multipart(fields, files, boundary="benchmarkboundary7MA4YWxkTrZu0gW"):
    lines = []
    for name, value in fields.items():
        lines += [
            f"--{boundary}".encode(),
            f'Content-Disposition: form-data; name="{name}"'.encode(),
            b"",
            str(value).encode(),
        ]
    for name, (filename, content, content_type) in files.items():
        lines += [
            f"--{boundary}".encode(),
            f'Content-Disposition: form-data; name="{name}"; filename="{filename}"'.encode(),
            f"Content-Type: {content_type}".encode(),
            b"",
            content,
        ]
    lines += [f"--{boundary}--".encode(), b""]
    return b"\r\n".join(lines), f"multipart/form-data; boundary={boundary}"


def pages():
    """Every page measured: name, path, kind (public or signed in), headers and body."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    from accelerator.calls.forms import question_field_name
    from accelerator.calls.links import make_token
    from accelerator.calls.models import Application, Call, CallQuestion
    from accelerator.core.demo.calls import ATLAS_CALL, DIGITAL_CALL
    from accelerator.results.models import CohortResultsPage
    from accelerator.support.models import CoachAssignment
    from cms.models import CallPage, NewsPage
    from diagnostics.links import report_path

    User = get_user_model()
    coach = User.objects.get(username="coach")
    office = User.objects.get(username="admin")
    items = []
    english_news = NewsPage.objects.filter(locale__language_code="en")
    news = english_news.filter(slug__endswith="-1").first() or english_news.first()
    for language in LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        call_page = CallPage.objects.get(call__reference_prefix=ATLAS_CALL, locale=locale)
        results_page = (
            CohortResultsPage.objects.filter(cohort=call_page.call.cohort, locale=locale)
            .order_by("pk")
            .first()
        )
        news_page = news.get_translation(locale)
        for name, page_url in (
            ("home", f"/{language}/"),
            ("call page", call_page.url),
            ("news page", news_page.url),
            ("cohort results", results_page.url),
        ):
            items.append({"name": f"{name} ({language})", "path": page_url, "public": True})

    open_page = CallPage.objects.get(
        call__reference_prefix=DIGITAL_CALL, locale__language_code="en"
    )
    draft = (
        Application.objects.filter(call=open_page.call, status=Application.Status.DRAFT)
        .exclude(email__startswith="demo")
        .order_by("-pk")
        .first()
    )
    apply_path = open_page.url + open_page.reverse_subpage("application", args=[make_token(draft)])
    items.append({"name": "apply form (GET)", "path": apply_path, "public": False})
    file_question = open_page.call.questions.filter(kind=CallQuestion.Kind.FILE).first()
    items.append(
        {
            "name": "apply form (POST with a file)",
            "path": apply_path,
            "public": False,
            "post": {
                "fields": {"legal_name": "Coopérative du benchmark", "action": "save"},
                "file_field": question_field_name(file_question) if file_question else None,
            },
        }
    )
    office_cookie = make_session(office)
    atlas_call = Call.objects.get(reference_prefix=ATLAS_CALL)
    items.append(
        {
            "name": "admin application list (filtered)",
            "path": reverse("application:index") + f"?call={atlas_call.pk}&status=admitted",
            "public": False,
            "cookie": office_cookie,
        }
    )
    coach_cookie = make_session(coach)
    assignment = (
        CoachAssignment.objects.filter(coach=coach, member__cohort=atlas_call.cohort)
        .exclude(member__diagnostics=None)
        .select_related("member")
        .order_by("-pk")
        .first()
    )
    member = assignment.member
    diagnostic = member.diagnostics.order_by("pk").first()
    with translation.override("en"):
        items += [
            {
                "name": "coach caseload",
                "path": reverse("workspace:home"),
                "public": False,
                "cookie": coach_cookie,
            },
            {
                "name": "diagnostic page",
                "path": reverse("workspace:diagnostics:overview", args=[diagnostic.pk]),
                "public": False,
                "cookie": coach_cookie,
            },
            {"name": "printable report", "path": report_path(member, "en"), "public": False},
        ]
    return items


def sample_pdf():
    from accelerator.core.demo.applications import statutes_pdf

    return statutes_pdf(["Statutes of the cooperative", "Benchmark upload"])


def prepare_post(item, base_url):
    """A real form post: the CSRF cookie and token come from a GET of the same form."""
    import re

    request = urllib.request.Request(base_url + item["path"])
    with urllib.request.urlopen(request, timeout=30) as response:
        html = response.read().decode()
        cookies = [
            header.split(";")[0]
            for name, header in response.headers.items()
            if name.lower() == "set-cookie"
        ]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    fields = {"csrfmiddlewaretoken": token, **item["post"]["fields"]}
    files = {}
    if item["post"]["file_field"]:
        files[item["post"]["file_field"]] = ("statutes.pdf", sample_pdf(), "application/pdf")
    body, content_type = multipart(fields, files)
    item["cookie"] = "; ".join(cookies)
    item["content_type"] = content_type
    item["body"] = body


def count_queries(items):
    """Queries of each page through Django's test client; public pages twice, the second time
    answered from the page cache when there is one."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for item in items:
        client = Client()
        if item.get("cookie"):
            name, _sep, value = item["cookie"].partition(";")[0].partition("=")
            client.cookies[name] = value
        if item.get("post"):
            continue  # measured by the load run; its query count is that of the GET and a save
        cache.clear()
        with CaptureQueriesContext(connection) as first:
            response = client.get(item["path"])
        entry = {"status": response.status_code, "queries": len(first)}
        if item["public"]:
            with CaptureQueriesContext(connection) as second:
                client.get(item["path"])
            entry["queries_cached"] = len(second)
        counts[item["name"]] = entry
    return counts


def measure_recompute():
    from accelerator.core.demo.calls import ATLAS_CALL
    from accelerator.programs.models import Cohort
    from accelerator.results.tasks import recompute_cohort

    cohort = Cohort.objects.get(calls__reference_prefix=ATLAS_CALL)
    started = time.perf_counter()
    scopes = recompute_cohort(cohort.pk)
    one = time.perf_counter() - started
    started = time.perf_counter()
    for other in Cohort.objects.exclude(pk=cohort.pk).filter(members__isnull=False).distinct():
        recompute_cohort(other.pk)
    return {
        "largest_cohort_members": cohort.members.count(),
        "largest_cohort_scopes": scopes,
        "largest_cohort_seconds": round(one, 2),
        "all_other_cohorts_seconds": round(time.perf_counter() - started, 2),
    }


def measure_import():
    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    from accelerator.core.demo.calls import ATLAS_CALL
    from accelerator.selection.models import CohortMember
    from accelerator.support.attendance_import import import_attendance
    from accelerator.support.models import TrainingModule, TrainingSession

    members = list(
        CohortMember.objects.filter(cohort__calls__reference_prefix=ATLAS_CALL)
        .select_related("cooperative", "cohort")
        .order_by("pk")[:200]
    )
    session = TrainingSession.objects.create(
        module=TrainingModule.objects.order_by("pk").first(),
        cohort=members[0].cohort,
        place="Benchmark import",
        starts_on=date.today(),
        ends_on=date.today(),
    )
    session.invited.set(members)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["No.", "Name", "Cooperative", "Sex", "Age", "Role", "Present", "Before", "After"])
    for number in range(ATTENDANCE_ROWS):
        member = members[number % len(members)]
        sheet.append(
            [
                number + 1,
                f"Participant {number + 1}",
                member.cooperative.registration_number,
                "f" if number % 3 else "m",
                20 + number % 40,
                "member",
                "yes",
                30 + number % 50,
                50 + number % 50,
            ]
        )
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as handle:
        workbook.save(handle.name)
        data = Path(handle.name).read_bytes()
    uploaded = SimpleUploadedFile("attendance.xlsx", data)
    started = time.perf_counter()
    result = import_attendance(session, uploaded)
    seconds = time.perf_counter() - started
    imported = result.imported
    session.attendance.all().delete()
    session.delete()
    return {"rows": ATTENDANCE_ROWS, "imported": imported, "seconds": round(seconds, 2)}


def _memory_mb():
    """This process's resident memory now and at its highest, from /proc (Linux). Unlike
    getrusage's ru_maxrss, the high-water mark is this program's own: a child started by a large
    parent does not begin at the parent's size."""
    figures = {}
    with open("/proc/self/status") as status:
        for line in status:
            name, _sep, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                figures[name] = int(value.split()[0]) / 1024
    return figures["VmRSS"], figures["VmHWM"]


def export_probe():
    """Child process: export every application as XLSX through the admin, report time and
    memory (resident size before the export, and the peak while it is written and read)."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from accelerator.calls.models import Application

    client = Client()
    name, _sep, value = make_session(get_user_model().objects.get(username="admin")).partition("=")
    client.cookies[name] = value
    url = reverse("application:index")
    client.get(url)  # imports and templates loaded before the baseline
    before, _peak = _memory_mb()
    started = time.perf_counter()
    response = client.get(url + "?export=xlsx")
    size = 0
    if response.streaming:
        for chunk in response.streaming_content:
            size += len(chunk)
    else:
        size = len(response.content)
    seconds = time.perf_counter() - started
    _now, peak = _memory_mb()
    print(
        "EXPORT_JSON "
        + json.dumps(
            {
                "rows": Application.objects.exclude(status="draft").count(),
                "status": response.status_code,
                "streaming": response.streaming,
                "bytes": size,
                "seconds": round(seconds, 2),
                "rss_before_mb": round(before, 1),
                "peak_rss_mb": round(peak, 1),
                "growth_mb": round(peak - before, 1),
            }
        )
    )


def measure_export():
    output = subprocess.run(
        [PYTHON, "-m", "benchmarks.run", "--export-probe"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=900,
    )
    for line in output.stdout.splitlines():
        if line.startswith("EXPORT_JSON "):
            return json.loads(line.removeprefix("EXPORT_JSON "))
    return {"error": output.stderr[-2000:]}


# Load ------------------------------------------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn on 127.0.0.1, stopped (with its workers) whatever happens."""

    def __init__(self, port):
        self.port = port
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "accelerator.wsgi",
                "--workers",
                str(WORKERS),
                "--bind",
                f"{HOST}:{self.port}",
                "--log-level",
                "warning",
                "--timeout",
                "120",
            ],
            cwd=BASE_DIR,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://{HOST}:{self.port}/bench/minimal/", timeout=5)
                return self
            except OSError:
                time.sleep(0.5)
        self.__exit__()
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def wrk(url, *, connections, seconds, item=None):
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        "-s",
        str(LUA),
        "-H",
        "Accept-Encoding: gzip",
        "-H",
        "Accept-Language: en",
    ]
    env = dict(os.environ)
    body_file = None
    if item is not None:
        if item.get("cookie"):
            command += ["-H", f"Cookie: {item['cookie']}"]
        if item.get("body") is not None:
            with tempfile.NamedTemporaryFile(delete=False, suffix=".body") as body_file:
                body_file.write(item["body"])
            env["WRK_BODY_FILE"] = body_file.name
            command += ["-H", f"Content-Type: {item['content_type']}"]
            command += ["-H", f"Referer: {url}"]
    try:
        output = subprocess.run(
            [*command, url], capture_output=True, text=True, env=env, timeout=seconds + 60
        )
    finally:
        if body_file:
            os.unlink(body_file.name)
    for line in output.stdout.splitlines():
        if line.startswith("WRK_JSON "):
            figures = json.loads(line.removeprefix("WRK_JSON "))
            figures["rps"] = round(figures["requests"] / (figures["duration_us"] / 1e6), 1)
            return figures
    raise RuntimeError(f"wrk failed: {output.stdout}\n{output.stderr}")


def check_status(url, item):
    request = urllib.request.Request(url, headers={"Cookie": item.get("cookie", "")})
    if item.get("body") is not None:
        request = urllib.request.Request(
            url,
            data=item["body"],
            headers={"Cookie": item["cookie"], "Content-Type": item["content_type"]},
        )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def settle():
    """When wrk stops, the requests it leaves in flight still run in the workers: a slow page
    keeps both cores busy for a moment, and the next run's first requests would wait for them."""
    time.sleep(SETTLE_SECONDS)


def measure_load(items, base_url, seconds, latency_seconds):
    log("Load: the minimal view first, as the reference…")
    reference_url = base_url + "/bench/minimal/"
    wrk(reference_url, connections=CONNECTIONS, seconds=2)  # warm-up
    throughput = wrk(reference_url, connections=CONNECTIONS, seconds=seconds)
    settle()
    reference = {
        "throughput": throughput,
        "single_client": wrk(reference_url, connections=1, seconds=latency_seconds),
    }
    results = {}
    for item in items:
        url = base_url + item["path"]
        if item.get("post"):
            prepare_post(item, base_url)
        status = check_status(url, item)
        # Warm-up, and the page cache: every gunicorn worker serves the page a few times before
        # anything is counted, so a worker's first request (templates compiled, URLs resolved)
        # is not taken for the page's speed.
        wrk(url, connections=WARM_UP_CONNECTIONS, seconds=WARM_UP_SECONDS, item=item)
        settle()
        throughput = wrk(url, connections=CONNECTIONS, seconds=seconds, item=item)
        settle()
        single = wrk(url, connections=1, seconds=latency_seconds, item=item)
        ratio = throughput["rps"] / reference["throughput"]["rps"]
        results[item["name"]] = {
            "status": status,
            "throughput": throughput,
            "single_client": single,
            "ratio_to_minimal": round(ratio, 3),
        }
        log(
            f"  {item['name']}: {status}, {throughput['rps']} req/s ({ratio:.0%}), "
            f"p95 {single['p95_ms']} ms"
        )
    return reference, results


def measure_page_weight(items, base_url):
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    weights = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        try:
            for item in items:
                if not item["public"]:
                    continue
                context = browser.new_context()
                page = context.new_page()
                responses = []
                page.on("response", lambda response, seen=responses: seen.append(response))
                page.goto(base_url + item["path"], wait_until="networkidle")
                totals = {"html": 0, "css": 0, "js": 0, "font": 0, "image": 0, "other": 0}
                third_party = []
                for response in responses:
                    request = response.request
                    host = urlsplit(request.url).hostname
                    if host not in (HOST, "localhost"):
                        third_party.append(request.url)
                    kind = {
                        "document": "html",
                        "stylesheet": "css",
                        "script": "js",
                        "font": "font",
                        "image": "image",
                    }.get(request.resource_type, "other")
                    try:
                        size = request.sizes()["responseBodySize"]
                    except Exception:  # noqa: BLE001 — a request cancelled by the page
                        size = 0
                    totals[kind] += size
                weights[item["name"]] = {
                    "requests": len(responses),
                    "third_party_requests": len(third_party),
                    "bytes": totals,
                    "html_css_js_fonts_kb": round(
                        (totals["html"] + totals["css"] + totals["js"] + totals["font"]) / 1024, 1
                    ),
                }
                context.close()
        finally:
            browser.close()
    return weights


# Results ---------------------------------------------------------------------------------------


def machine():
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def markdown(results):
    lines = [
        f"# Benchmark {results['date']} — {results['database']}, scale {results['scale']}",
        "",
        f"{results['machine']['cpus']} CPU cores, gunicorn {WORKERS} sync workers, "
        f"wrk {CONNECTIONS} connections for {results['seconds']} s (throughput) and 1 "
        f"connection for {results['latency_seconds']} s (latency), each page first served "
        f"for {WARM_UP_SECONDS} s to {WARM_UP_CONNECTIONS} connections as a warm-up, "
        f"{SETTLE_SECONDS} s of quiet after each load run; page cache "
        f"{'on' if results['page_cache'] else 'off'}.",
        "",
    ]
    generation = results.get("generation")
    if generation:
        rows = ", ".join(f"{count:,} {name}" for name, count in generation["rows"].items())
        lines += [
            f"Generation: {generation['generation_seconds']} s "
            f"(after {generation['demo_site_seconds']} s for the demo site) — {rows}.",
            "",
        ]
    reference = results["reference"]
    lines += [
        f"Reference (minimal Django view): {reference['throughput']['rps']:,} req/s, "
        f"p95 {reference['single_client']['p95_ms']} ms with one client.",
        "",
        "| page | status | req/s | vs minimal | p50 ms | p95 ms | p99 ms | queries | "
        "queries (cached) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, figures in results["pages"].items():
        queries = results["queries"].get(name, {})
        single = figures["single_client"]
        lines.append(
            f"| {name} | {figures['status']} | {figures['throughput']['rps']:,} | "
            f"{figures['ratio_to_minimal']:.0%} | {single['p50_ms']} | {single['p95_ms']} | "
            f"{single['p99_ms']} | {queries.get('queries', '—')} | "
            f"{queries.get('queries_cached', '—')} |"
        )
    recompute, export, attendance = results["recompute"], results["export"], results["import"]
    lines += [
        "",
        "| operation | figure |",
        "| --- | --- |",
        f"| cohort results recomputation ({recompute['largest_cohort_members']:,} members, "
        f"{recompute['largest_cohort_scopes']} scopes) | {recompute['largest_cohort_seconds']} s |",
        f"| recomputation of every other cohort | {recompute['all_other_cohorts_seconds']} s |",
    ]
    if "error" in export:
        lines.append("| XLSX export | failed (see the JSON file) |")
    else:
        lines.append(
            f"| XLSX export of {export['rows']:,} applications | {export['seconds']} s, "
            f"{export['bytes'] / 1e6:.1f} MB; the export took {export['growth_mb']} MB of memory "
            f"at its peak (process: {export['rss_before_mb']} MB before, "
            f"{export['peak_rss_mb']} MB at the peak) |"
        )
    lines += [
        f"| import of {attendance['rows']:,} attendance rows | {attendance['seconds']} s |",
        "",
        "| public page (first load, Chromium) | requests | third-party | HTML KB | CSS KB | "
        "JS KB | fonts KB | total KB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, weight in results["page_weight"].items():
        size = weight["bytes"]
        lines.append(
            f"| {name} | {weight['requests']} | {weight['third_party_requests']} | "
            f"{size['html'] / 1024:.1f} | {size['css'] / 1024:.1f} | {size['js'] / 1024:.1f} | "
            f"{size['font'] / 1024:.1f} | {weight['html_css_js_fonts_kb']} |"
        )
    lines += ["", "Targets:", ""]
    lines += [f"- {line}" for line in results["targets"]]
    return "\n".join(lines) + "\n"


def check_targets(results):
    checks = []
    public = [name for name, item in results["pages"].items() if results["public"].get(name)]
    worst_ratio = min(results["pages"][name]["ratio_to_minimal"] for name in public)
    checks.append(
        f"{'met' if worst_ratio >= TARGET_RATIO else 'NOT met'}: public pages ≥ "
        f"{TARGET_RATIO:.0%} of the minimal view's throughput (lowest {worst_ratio:.0%})"
    )
    worst_p95 = max(item["single_client"]["p95_ms"] for item in results["pages"].values())
    checks.append(
        f"{'met' if worst_p95 < TARGET_P95_MS else 'NOT met'}: every page p95 < "
        f"{TARGET_P95_MS} ms with one client (highest {worst_p95} ms)"
    )
    recompute = results["recompute"]["largest_cohort_seconds"]
    checks.append(
        f"{'met' if recompute < TARGET_RECOMPUTE_S else 'NOT met'}: cohort results "
        f"recomputation < {TARGET_RECOMPUTE_S} s ({recompute} s)"
    )
    export = results["export"]
    if "error" not in export:
        checks.append(
            f"{'met' if export['streaming'] and export['peak_rss_mb'] < TARGET_EXPORT_MB else 'NOT met'}"
            f": XLSX export streamed with < {TARGET_EXPORT_MB} MB of memory, the whole process "
            f"counted (streamed: {export['streaming']}, peak {export['peak_rss_mb']} MB, of "
            f"which the export {export['growth_mb']} MB)"
        )
    attendance = results["import"]["seconds"]
    checks.append(
        f"{'met' if attendance < TARGET_IMPORT_S else 'NOT met'}: import of "
        f"{ATTENDANCE_ROWS:,} rows < {TARGET_IMPORT_S} s ({attendance} s)"
    )
    heaviest = max(item["html_css_js_fonts_kb"] for item in results["page_weight"].values())
    third = sum(item["third_party_requests"] for item in results["page_weight"].values())
    checks.append(
        f"{'met' if heaviest < TARGET_PAGE_KB and not third else 'NOT met'}: public pages < "
        f"{TARGET_PAGE_KB} KB of HTML+CSS+JS+fonts (heaviest {heaviest} KB), "
        f"{third} third-party requests"
    )
    return checks


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--reuse", action="store_true", help="keep data of the same scale")
    parser.add_argument("--seconds", type=int, default=None, help="throughput run per page")
    parser.add_argument("--latency-seconds", type=int, default=None)
    parser.add_argument("--label", default="", help="added to the results file names")
    parser.add_argument("--export-probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_probe:
        return export_probe()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed for the load runs: apt-get install wrk")
    seconds = args.seconds or (10 if args.scale >= 0.5 else 5)
    latency_seconds = args.latency_seconds or (5 if args.scale >= 0.5 else 3)

    database = database_settings()
    # Before Django starts here: the manifest of static files is read once per process.
    manage("collectstatic", "--no-input", "-v", "0")
    generation = prepare(args.scale, args.reuse)
    from django.conf import settings

    log("Cohort results recomputation…")
    recompute = measure_recompute()
    log(f"  {recompute}")
    log("XLSX export…")
    export = measure_export()
    log(f"  {export}")
    log("Attendance import…")
    attendance = measure_import()
    log(f"  {attendance}")
    items = pages()
    log("Queries per request…")
    queries = count_queries(items)
    for name, entry in queries.items():
        log(f"  {name}: {entry}")

    from django.db import connections

    connections.close_all()
    port = free_port()
    base_url = f"http://{HOST}:{port}"
    with Server(port):
        reference, load = measure_load(items, base_url, seconds, latency_seconds)
        log("Page weight in Chromium…")
        weights = measure_page_weight(items, base_url)

    results = {
        "date": date.today().isoformat(),
        "database": database["vendor"],
        "scale": args.scale,
        "page_cache": getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0,
        "cache": settings.CACHES["default"]["BACKEND"],
        "machine": machine(),
        "seconds": seconds,
        "latency_seconds": latency_seconds,
        "generation": generation,
        "recompute": recompute,
        "export": export,
        "import": attendance,
        "queries": queries,
        "reference": reference,
        "pages": load,
        "public": {item["name"]: item["public"] for item in items},
        "page_weight": weights,
    }
    results["targets"] = check_targets(results)
    RESULTS_DIR.mkdir(exist_ok=True)
    stem = f"{results['date']}-{database['vendor']}"
    if args.scale != 1:
        stem += f"-scale{args.scale:g}"
    if args.label:
        stem += f"-{args.label}"
    (RESULTS_DIR / f"{stem}.json").write_text(json.dumps(results, indent=2) + "\n")
    (RESULTS_DIR / f"{stem}.md").write_text(markdown(results))
    log(markdown(results))
    log(f"Written: benchmarks/results/{stem}.json and .md")


if __name__ == "__main__":
    main()
