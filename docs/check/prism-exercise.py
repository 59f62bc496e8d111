# Holds the running platform's answers to docs/openapi.json with Stoplight Prism as a validating proxy, as a
# frontend developer would: every GET operation (path ids taken from the list answers; not the endless SSE
# stream) as anonymous, admin and officer-montepulciano, and every POST as the same three callers: with the
# document's JSON example as its body, or with no body when the operation takes none. Prints the calls and the violations Prism reports on the answers
# (sl-violations, location "response"); requests it flags (an anonymous call without the bearer the operation
# asks for) are counted apart. With ./run up:
#   npm i @stoplight/prism-cli && npx prism proxy docs/openapi.json http://127.0.0.1:8080 --errors false -p 4010 &
#   python3 docs/check/prism-exercise.py docs/openapi.json http://127.0.0.1:4010
import json, sys, urllib.request, urllib.parse, re, collections
doc = json.load(open(sys.argv[1]))
prism = sys.argv[2]
def token(user):
    data = urllib.parse.urlencode({"grant_type": "password", "client_id": "ngs-cli", "username": user, "password": user}).encode()
    with urllib.request.urlopen("http://127.0.0.1:8180/realms/ngs/protocol/openid-connect/token", data) as r:
        return json.load(r)["access_token"]
callers = {"anonymous": None, "admin": token("admin"), "officer": token("officer-montepulciano")}
def get(path, tok, accept="application/json"):
    req = urllib.request.Request(prism + path, headers={"Accept": accept})
    if tok: req.add_header("Authorization", "Bearer " + tok)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("sl-violations"), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("sl-violations"), e.read()
ids = {}
violations = collections.Counter(); calls = 0; examples = {}; requests_flagged = collections.Counter()
paths = sorted(p for p, item in doc["paths"].items() if "get" in item)
def fill(path, tok):
    out = path
    for param in re.findall(r"\{([^}]+)\}", path):
        parent = path[:path.index("{" + param + "}")].rstrip("/")
        if parent not in ids:
            st, _, body = get(parent, tok)
            try:
                j = json.loads(body); items = j.get("items", j) if isinstance(j, dict) else j
                first = items[0] if items else {}
                ids[parent] = first.get("id") or first.get("istatCode") or first.get("istat")
            except Exception:
                ids[parent] = None
        if not ids.get(parent): return None
        out = out.replace("{" + param + "}", str(ids[parent]))
    return out
for name, tok in callers.items():
    for p in paths:
        concrete = fill(p, callers["admin"])
        if concrete is None: continue
        media = list(doc["paths"][p]["get"].get("responses", {}).get("200", {}).get("content", {"application/json": {}}).keys())
        if p.endswith("/stream"):
            continue  # an endless stream: Prism waits for its end
        st, v, _ = get(concrete, tok, media[0] if media else "*/*")
        calls += 1
        if v:
            for entry in json.loads(v) if v.startswith("[") else [v]:
                if isinstance(entry, dict) and entry.get("location", [""])[0] != "response":
                    requests_flagged[name] += 1
                    continue
                key = (p, str(entry)[:160])
                violations[key] += 1
                examples.setdefault(p, (name, st, str(entry)[:300]))
print(f"{calls} calls, {sum(violations.values())} response violations in {len({k[0] for k in violations})} operations; requests Prism flagged (anonymous without a token, by design): {dict(requests_flagged)}")
for p, ex in sorted(examples.items()):
    print("  ", p, ex)

# Creates and actions: every POST of the document, as each caller, with its example body or none.
def post(path, tok, body):
    headers = {"Accept": "application/json"}
    if body is not None: headers["Content-Type"] = "application/json"
    req = urllib.request.Request(prism + path, data=json.dumps(body).encode() if body is not None else b"",
                                 method="POST", headers=headers)
    if tok: req.add_header("Authorization", "Bearer " + tok)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("sl-violations")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("sl-violations")
posted = collections.Counter(); post_violations = []; post_requests_flagged = collections.Counter()
for p, item in sorted(doc["paths"].items()):
    op = item.get("post")
    if not op: continue
    content = op.get("requestBody", {}).get("content", {}).get("application/json", {})
    example = content.get("example")
    if example is None:
        examples_ = content.get("examples") or {}
        example = next(iter(examples_.values()), {}).get("value") if examples_ else None
    if example is None and "application/json" in op.get("requestBody", {}).get("content", {}): continue
    concrete = fill(p, callers["admin"])
    if concrete is None: continue
    for name in callers:
        st, v = post(concrete, callers[name], example)
        posted[st] += 1
        if v:
            for entry in json.loads(v):
                if entry.get("location", [""])[0] == "response":
                    post_violations.append((p, name, st, str(entry)[:200]))
                else:
                    post_requests_flagged[name] += 1
print(f"creates and actions: {sum(posted.values())} POSTs, answers {dict(posted)}; {len(post_violations)} response violations; requests Prism flagged: {dict(post_requests_flagged)}")
for v in post_violations[:20]:
    print("  ", v)
