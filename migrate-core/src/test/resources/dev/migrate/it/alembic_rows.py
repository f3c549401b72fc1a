"""Runs real Alembic on a revision graph and prints, after each command, the alembic_version rows,
the revisions it ran and what `alembic current` prints: how AlembicVersionRowsTest's turns and the
expectations of BranchDowngradeTest/EffectiveHeadTest were recorded (Alembic 1.8.1, python3-alembic).
Not run by the build.

usage: /usr/bin/python3 alembic_rows.py GRAPH_JSON COMMANDS_JSON
GRAPH: [[id, [down...], [labels...], [depends...]], ...]
COMMANDS: [[start_rows or null, "upgrade"|"downgrade"|"stamp"|"heads"|"history"|"show"|"current"|"branches", arg], ...]
start_rows null = continue from the rows left by the previous command."""
import json, os, sys, tempfile, sqlite3, io, contextlib
from alembic.config import Config
from alembic import command

graph = json.loads(sys.argv[1]); cmds = json.loads(sys.argv[2])
d = tempfile.mkdtemp()
os.makedirs(d + "/versions")
open(d + "/env.py", "w").write('''
from alembic import context
from sqlalchemy import create_engine
config = context.config
engine = create_engine(config.get_main_option("sqlalchemy.url"))
with engine.connect() as conn:
    def record(ctx, step, heads, run_args):
        with open(config.get_main_option("ran_file"), "a") as f:
            f.write(("+" if step.is_upgrade else "-") + ",".join(step.up_revision_ids) + "\\n")
    context.configure(connection=conn, target_metadata=None, on_version_apply=record)
    with context.begin_transaction():
        context.run_migrations()
''')
open(d + "/script.py.mako", "w").write("")
def tup(x): return repr(tuple(x)) if x else "None"
for rid, down, labels, deps in graph:
    dr = "None" if not down else (repr(down[0]) if len(down) == 1 else repr(tuple(down)))
    open(f"{d}/versions/{rid}_m.py", "w").write(
        f'"""m {rid}\n\nRevision ID: {rid}\nRevises: {", ".join(down)}\n"""\n'
        f"revision = {rid!r}\ndown_revision = {dr}\nbranch_labels = {tup(labels)}\ndepends_on = {tup(deps)}\n"
        "def upgrade():\n    pass\ndef downgrade():\n    pass\n")
db = d + "/t.db"
cfg = Config(stdout=io.StringIO())
cfg.set_main_option("script_location", d)
cfg.set_main_option("sqlalchemy.url", "sqlite:///" + db)
ranf = d + "/ran.txt"
cfg.set_main_option("ran_file", ranf)
def rows():
    c = sqlite3.connect(db)
    try:
        return sorted(r[0] for r in c.execute("select version_num from alembic_version"))
    except sqlite3.OperationalError:
        return []
    finally:
        c.close()
def setrows(rs):
    c = sqlite3.connect(db)
    c.execute("create table if not exists alembic_version (version_num varchar(32) not null primary key)")
    c.execute("delete from alembic_version")
    for r in rs: c.execute("insert into alembic_version values (?)", (r,))
    c.commit(); c.close()
for start, verb, arg in cmds:
    if start is not None: setrows(start)
    before = rows()
    open(ranf, "w").close()
    out = io.StringIO(); cfg.stdout = out
    try:
        with contextlib.redirect_stdout(out):
            if verb == "upgrade": command.upgrade(cfg, arg)
            elif verb == "downgrade": command.downgrade(cfg, arg)
            elif verb == "stamp": command.stamp(cfg, arg)
            elif verb == "heads": command.heads(cfg, verbose=bool(arg))
            elif verb == "history": command.history(cfg, verbose=bool(arg))
            elif verb == "show": command.show(cfg, arg)
            elif verb == "current": command.current(cfg)
            elif verb == "branches": command.branches(cfg, verbose=bool(arg))
        res = "ok"
    except Exception as e:
        res = "ERROR %s: %s" % (type(e).__name__, e)
    ran = [l for l in open(ranf).read().split("\n") if l]
    cur = io.StringIO()
    with contextlib.redirect_stdout(cur):
        cfg.stdout = cur; command.current(cfg)
    print(json.dumps({"from": before, "cmd": f"{verb} {arg}", "to": rows(), "ran": ran, "current": cur.getvalue().splitlines(), "result": res, "out": out.getvalue().splitlines()}))
