# Grove's Mercurial extension, loaded by libs/vcs into every hg process it starts.
#
# - grove-* commands: batch reads in one call (changesets, refs, directory listings, last
#   changesets per entry, parent maps) and in-memory commits, with machine-readable output
#   (one JSON document per line; byte strings decoded as UTF-8 with surrogateescape so that
#   non-UTF-8 names survive the trip and libs/vcs can restore the original bytes);
# - refuse_write_hook: a pretxnopen/prepushkey hook for read-only `hg serve --stdio`;
# - an hgweb application for the HTTP workers (`hg serve` with grove.worker-secret set) that
#   serves the repository the gateway names, behind a per-start secret header.
#
# Supports the Mercurial versions with Python 3 (6.x).

import json
import os
import struct
import threading

from mercurial import (
    context,
    error,
    extensions,
    registrar,
    revsetlang,
    scmutil,
)

testedwith = b'6.3'

cmdtable = {}
_register = registrar.command(cmdtable)


def command(name, options, synopsis):
    """registers a command whose unexpected exceptions become aborts: an uncaught Python error
    would otherwise end the whole command server, not just this command"""
    def decorate(func):
        def safe(ui, repo, *args, **opts):
            try:
                return func(ui, repo, *args, **opts)
            except (error.Abort, error.RepoError, error.LookupError, error.ParseError, KeyboardInterrupt):
                raise
            except Exception as e:  # noqa: BLE001 - reported to the caller as an abort
                raise error.Abort(b'grove: %s: %s' % (name, _b(repr(e))))
        safe.__doc__ = func.__doc__
        safe.__name__ = func.__name__
        return _register(name, options, synopsis)(safe)
    return decorate

revsetpredicate = registrar.revsetpredicate()

configtable = {}
configitem = registrar.configitem(configtable)
configitem(b'grove', b'root', default=None)
configitem(b'grove', b'worker-secret', default=None)


def _s(b):
    """bytes -> str that JSON can carry; non-UTF-8 bytes become lone surrogates."""
    if b is None:
        return None
    return b.decode('utf-8', 'surrogateescape')


def _b(s):
    return s.encode('utf-8', 'surrogateescape')


def _emit(ui, obj):
    ui.write(_b(json.dumps(obj, ensure_ascii=True, separators=(',', ':'))) + b'\n')


def _ctx(repo, symbol):
    """a changeset by symbol (hash, number, tag, branch, bookmark) - never a revset, never null"""
    ctx = scmutil.revsymbol(repo, symbol)
    if ctx.rev() is None or ctx.rev() < 0:
        raise error.RepoLookupError(b"unknown revision '%s'" % symbol)
    return ctx


def _branchheads(repo):
    """node -> names of the branches it is a head of"""
    heads = {}
    for name, nodes, _tip, _closed in repo.branchmap().iterbranches():
        for node in nodes:
            heads.setdefault(node, []).append(_s(name))
    return heads


def _children_map(repo, revs):
    """children of each of `revs`, computed in one pass over the changelog (ctx.children() scans per call)"""
    wanted = set(revs)
    children = {r: [] for r in wanted}
    if not wanted:
        return children
    cl = repo.changelog
    for r in cl.revs(start=min(wanted) + 1):
        for p in cl.parentrevs(r):
            if p in wanted:
                children[p].append(r)
    return children


def _changeset(repo, ctx, files, children, heads):
    date = ctx.date()
    rec = {
        'node': _s(ctx.hex()),
        'rev': ctx.rev(),
        'user': _s(ctx.user()),
        'time': int(date[0]),
        'tz': int(date[1]),
        'desc': _s(ctx.description()),
        'branch': _s(ctx.branch()),
        'parents': [_s(p.hex()) for p in ctx.parents() if p.rev() >= 0],
        'parentrevs': [p.rev() for p in ctx.parents() if p.rev() >= 0],
        'children': [_s(repo[c].hex()) for c in children],
        'tags': [_s(t) for t in ctx.tags()],
        'bookmarks': [_s(b) for b in ctx.bookmarks()],
        'phase': _s(ctx.phasestr()),
        'obsolete': bool(ctx.obsolete()),
        'extinct': bool(ctx.extinct()),
        'orphan': bool(ctx.orphan()),
        'phasedivergent': bool(ctx.phasedivergent()),
        'contentdivergent': bool(ctx.contentdivergent()),
        'closesbranch': bool(ctx.closesbranch()),
        'branchheads': heads.get(ctx.node(), []),
        'extra': {_s(k): _s(v) for k, v in ctx.extra().items() if k in (b'source', b'transplant_source', b'rebase_source')},
    }
    if files:
        st = ctx.p1().status(ctx)
        rec['added'] = [_s(f) for f in st.added]
        rec['changed'] = [_s(f) for f in st.modified]
        rec['removed'] = [_s(f) for f in st.removed]
    return rec


@command(
    b'grove-log',
    [
        (b'', b'files', False, b'include added/changed/removed files'),
        (b'', b'symbol', False, b'arguments are single revision symbols, not revsets'),
    ],
    b'REVSET...',
)
def grove_log(ui, repo, *specs, **opts):
    """print changesets as JSON lines, in the order of the revsets"""
    files = opts.get('files')
    if opts.get('symbol'):
        revs = [_ctx(repo, spec).rev() for spec in specs]
    else:
        revs = [rev for spec in specs for rev in scmutil.revrange(repo, [spec])]
    _emit_changesets(ui, repo, revs, files)
    return 0


def _emit_changesets(ui, repo, revs, files=False):
    children = _children_map(repo, revs)
    heads = _branchheads(repo)
    for rev in revs:
        _emit(ui, _changeset(repo, repo[rev], files, children.get(rev, []), heads))


@command(b'grove-count', [], b'REVSET')
def grove_count(ui, repo, spec):
    """print the number of revisions in a revset"""
    ui.write(b'%d\n' % len(scmutil.revrange(repo, [spec])))
    return 0


@command(b'grove-dag', [], b'REV...')
def grove_dag(ui, repo, *revs):
    """print the changelog graph input for a page of revisions: [rev, p1, p2, branch] for every
    revision between the lowest and highest page revision, and the drawing flags of the page revisions"""
    cl = repo.changelog
    page = [int(r) for r in revs]
    out = {'revs': [], 'flags': {}}
    if page:
        first, last = max(min(page), 0), min(max(page), len(cl) - 1)
        for rev in (cl.revs(start=first, stop=last) if first <= last else ()):
            p1, p2 = cl.parentrevs(rev)
            out['revs'].append([rev, p1, p2, _s(cl.branchinfo(rev)[0])])
        for rev in page:
            if rev in cl and rev not in cl.filteredrevs:
                ctx = repo[rev]
                out['flags'][str(rev)] = [int(ctx.closesbranch()), int(ctx.obsolete()), int(ctx.phasedivergent()),
                                          int(ctx.contentdivergent()), int(ctx.extinct()), int(ctx.orphan())]
    _emit(ui, out)
    return 0


@revsetpredicate(b'grovebetween(lo, hi)', safe=True)
def grovebetween(repo, subset, x):
    """revisions whose number is between lo and hi, inclusive (numbers out of range are fine)"""
    args = revsetlang.getargs(x, 2, 2, b'grovebetween takes two integers')
    lo = revsetlang.getinteger(args[0], b'grovebetween expects integers')
    hi = revsetlang.getinteger(args[1], b'grovebetween expects integers')
    return subset.filter(lambda r: lo <= r <= hi, condrepr=(b'<grovebetween %d %d>', lo, hi))


@command(b'grove-refs', [], b'')
def grove_refs(ui, repo):
    """print branches (open and closed, with heads), tags, bookmarks and tip as one JSON document"""
    branches = []
    for name, heads, tip, closed in repo.branchmap().iterbranches():
        branches.append({
            'name': _s(name),
            'node': _s(repo[tip].hex()),
            'rev': repo[tip].rev(),
            'closed': bool(closed),
            'heads': [_s(repo[h].hex()) for h in heads],
        })
    branches.sort(key=lambda b: -b['rev'])
    tags = [{'name': _s(n), 'node': _s(repo[node].hex()) if node in repo else None, 'rev': repo[node].rev() if node in repo else -1}
            for n, node in repo.tagslist()]
    bookmarks = [{'name': _s(n), 'node': _s(repo[node].hex())} for n, node in sorted(repo._bookmarks.items())]
    tip = repo[b'tip']
    _emit(ui, {
        'branches': branches,
        'tags': [t for t in tags if t['node']],
        'bookmarks': bookmarks,
        'tip': _s(tip.hex()) if tip.rev() >= 0 else None,
        'tiprev': tip.rev(),
        'active': _s(repo._activebookmark) if repo._activebookmark else None,
    })
    return 0


def _kind(flags):
    if b'l' in flags:
        return 'symlink', '120000'
    if b'x' in flags:
        return 'file', '100755'
    return 'file', '100644'


def _children(ctx, path):
    """direct children of directory `path` at ctx: (files {name: fullpath}, dirs set); None if path is not a directory"""
    mf = ctx.manifest()
    prefix = path + b'/' if path else b''
    files = {}
    dirs = set()
    for f in mf:
        if not f.startswith(prefix):
            continue
        rest = f[len(prefix):]
        slash = rest.find(b'/')
        if slash < 0:
            files[rest] = f
        else:
            dirs.add(rest[:slash])
    subs = {}
    for sub, (source, srev, kind) in ctx.substate.items():
        if sub.startswith(prefix):
            rest = sub[len(prefix):]
            if b'/' not in rest:
                subs[rest] = (sub, source, srev, kind)
            else:
                dirs.add(rest[:rest.find(b'/')])
    if path and not files and not dirs and not subs:
        return None
    return mf, files, dirs, subs


@command(b'grove-ls', [(b'', b'recursive', False, b'every entry below PATH')], b'NODE PATH')
def grove_ls(ui, repo, node, path=b'', **opts):
    """print the entries of directory PATH at NODE as one JSON document"""
    ctx = _ctx(repo, node)
    mf = ctx.manifest()
    if path and path in mf:
        _emit(ui, {'error': 'file'})
        return 0
    if opts.get('recursive'):
        prefix = path + b'/' if path else b''
        names = [_s(f) for f in mf if f.startswith(prefix)]
        if path and not names:
            _emit(ui, {'error': 'notfound'})
            return 0
        _emit(ui, {'node': _s(ctx.hex()), 'files': names})
        return 0
    res = _children(ctx, path)
    if res is None:
        _emit(ui, {'error': 'notfound'})
        return 0
    mf, files, dirs, subs = res
    entries = []
    for name in sorted(dirs):
        if name in subs or name in files:
            continue
        entries.append({'name': _s(name), 'kind': 'dir', 'mode': '040000'})
    for name, full in sorted(files.items()):
        flags = mf.flags(full)
        kind, mode = _kind(flags)
        fctx = ctx.filectx(full)
        entry = {'name': _s(name), 'kind': kind, 'mode': mode, 'size': fctx.size()}
        if kind == 'symlink':
            entry['target'] = _s(fctx.data())
        entries.append(entry)
    for name, (full, source, srev, kind) in sorted(subs.items()):
        entries.append({'name': _s(name), 'kind': 'submodule', 'mode': '160000',
                        'subrepo': {'url': _s(source), 'revision': _s(srev), 'type': _s(kind)}})
    _emit(ui, {'node': _s(ctx.hex()), 'entries': entries})
    return 0


@command(b'grove-cat', [(b'', b'max-bytes', -1, b'read at most this many bytes')], b'NODE PATH')
def grove_cat(ui, repo, node, path, **opts):
    """print a JSON header line (size, flags) followed by the raw content of PATH at NODE"""
    ctx = _ctx(repo, node)
    mf = ctx.manifest()
    if path not in mf:
        if _children(ctx, path) is not None:
            _emit(ui, {'error': 'dir'})
        else:
            _emit(ui, {'error': 'notfound'})
        return 0
    fctx = ctx.filectx(path)
    data = fctx.data()
    flags = mf.flags(path)
    kind, mode = _kind(flags)
    limit = opts.get('max_bytes')
    _emit(ui, {'node': _s(ctx.hex()), 'size': len(data), 'kind': kind, 'mode': mode,
               'linkrev': fctx.introrev()})
    if limit is not None and 0 <= limit < len(data):
        data = data[:limit]
    ui.write(data)
    return 0


@command(b'grove-lastchanges', [], b'NODE PATH')
def grove_lastchanges(ui, repo, node, path=b''):
    """print {entry name: rev} of the last changeset touching each entry of directory PATH at NODE"""
    ctx = _ctx(repo, node)
    res = _children(ctx, path)
    if res is None:
        _emit(ui, {'error': 'notfound'})
        return 0
    _mf, files, dirs, subs = res
    pending = set(files) | set(dirs) | set(subs)
    prefix = path + b'/' if path else b''
    found = {}
    cl = repo.changelog
    substate_names = set(subs)
    # Newest first over the ancestors; the changelog's own file lists avoid reading manifests.
    # Recent history names most entries; a file still unknown after a few hundred changesets gets
    # its introducing changeset from its filelog instead of a walk down the whole changelog.
    scanned = 0
    for rev in cl.ancestors([ctx.rev()], inclusive=True):
        if not pending:
            break
        scanned += 1
        if scanned == 256:
            for name in [n for n in pending if n in files]:
                found[name] = ctx[files[name]].introrev()
                pending.discard(name)
            if not pending:
                break
        for f in cl.readfiles(rev):
            if f == b'.hgsubstate' and substate_names:
                for name in list(substate_names & pending):
                    found[name] = rev
                    pending.discard(name)
                continue
            if not f.startswith(prefix):
                continue
            rest = f[len(prefix):]
            slash = rest.find(b'/')
            name = rest if slash < 0 else rest[:slash]
            if name in pending:
                found[name] = rev
                pending.discard(name)
    _emit(ui, {'node': _s(ctx.hex()), 'entries': {_s(k): v for k, v in found.items()}})
    _emit_changesets(ui, repo, sorted(set(found.values()), reverse=True))
    return 0


@command(b'grove-annotate', [], b'SYMBOL PATH')
def grove_annotate(ui, repo, node, path):
    """annotate PATH at SYMBOL (following copies, binary files as text): a JSON header
    {node, revs: [rev per line], lines: [text per line]}, then the changesets the lines come from"""
    ctx = _ctx(repo, node)
    if path not in ctx.manifest():
        _emit(ui, {'error': 'notfound'})
        return 0
    annotated = ctx[path].annotate(follow=True)
    revs = [a.fctx.rev() for a in annotated]
    _emit(ui, {'node': _s(ctx.hex()), 'revs': revs, 'lines': [_s(a.text) for a in annotated]})
    _emit_changesets(ui, repo, sorted(set(revs), reverse=True))
    return 0


def _read_exact(fin, n):
    chunks = []
    while n > 0:
        chunk = fin.read(n)
        if not chunk:
            raise error.Abort(b'grove-commit: truncated input')
        chunks.append(chunk)
        n -= len(chunk)
    return b''.join(chunks)


@command(b'grove-commit', [], b'')
def grove_commit(ui, repo):
    """commit file changes read from stdin on top of a branch head, without a working copy

    Input: a 4-byte big-endian length, a JSON header of that length
    {branch, parent (hex or null), user, time, tz, message, actions:[{op, path, from, size, exec, link}]},
    then the contents of the actions that carry one, in order.
    """
    fin = ui.fin
    (hlen,) = struct.unpack('>I', _read_exact(fin, 4))
    spec = json.loads(_read_exact(fin, hlen).decode('utf-8'))
    branch = _b(spec['branch'])
    expected = spec.get('parent')
    actions = spec['actions']
    for action in actions:
        if action.get('size') is not None:
            action['data'] = _read_exact(fin, action['size'])

    with repo.wlock(), repo.lock():
        repo.invalidate()
        nullid = repo.nodeconstants.nullid
        if expected:
            try:
                pctx = repo[_b(expected)]
            except error.RepoLookupError:
                _emit(ui, {'error': 'conflict', 'message': 'parent changeset does not exist'})
                return 0
            if pctx.branch() != branch:
                _emit(ui, {'error': 'conflict', 'message': 'parent is not on branch %s' % spec['branch']})
                return 0
            if pctx.node() not in repo.branchheads(branch, closed=True):
                _emit(ui, {'error': 'conflict', 'message': 'branch %s has moved since %s' % (spec['branch'], expected[:12])})
                return 0
        else:
            if len(repo) and repo.branchheads(branch, closed=True):
                _emit(ui, {'error': 'conflict', 'message': 'branch %s already has changesets' % spec['branch']})
                return 0
            pctx = repo[nullid]

        mf = pctx.manifest()
        changes = {}  # path -> (data, islink, isexec, copysource) or None for removal
        touched = []

        def stored(name):
            # Names arrive decoded (UTF-8, or Latin-1 for bytes that were not UTF-8): use the bytes the manifest has.
            utf8 = name.encode('utf-8')
            if utf8 in mf or utf8 in changes:
                return utf8
            try:
                latin1 = name.encode('latin-1')
            except UnicodeEncodeError:
                return utf8
            return latin1 if latin1 in mf else utf8

        for action in actions:
            op = action['op']
            path = stored(action['path'])
            exists = (path in mf and path not in changes) or (changes.get(path) is not None)
            if op == 'add':
                if exists:
                    _emit(ui, {'error': 'exists', 'path': action['path']})
                    return 0
                changes[path] = (action['data'], bool(action.get('link')), bool(action.get('exec')), None)
            elif op == 'edit':
                if not exists:
                    _emit(ui, {'error': 'notfound', 'path': action['path']})
                    return 0
                flags = mf.flags(path) if path in mf else b''
                isexec = action['exec'] if action.get('exec') is not None else b'x' in flags
                islink = action['link'] if action.get('link') is not None else b'l' in flags
                changes[path] = (action['data'], bool(islink), bool(isexec), None)
            elif op == 'delete':
                if not exists:
                    _emit(ui, {'error': 'notfound', 'path': action['path']})
                    return 0
                changes[path] = None
            elif op == 'rename':
                src = stored(action['from'])
                src_exists = (src in mf and src not in changes) or (changes.get(src) is not None)
                if not src_exists:
                    _emit(ui, {'error': 'notfound', 'path': action['from']})
                    return 0
                if exists:
                    _emit(ui, {'error': 'exists', 'path': action['path']})
                    return 0
                if src in changes:
                    data, islink, isexec, _copy = changes[src]
                else:
                    flags = mf.flags(src)
                    data, islink, isexec = pctx[src].data(), b'l' in flags, b'x' in flags
                if action.get('data') is not None:
                    data = action['data']
                changes[src] = None
                changes[path] = (data, islink, isexec, src)
                touched.append(src)
            touched.append(path)

        def filectxfn(repo_, memctx, path):
            change = changes.get(path)
            if change is None:
                return None
            data, islink, isexec, copysource = change
            return context.memfilectx(repo_, memctx, path, data, islink=islink, isexec=isexec, copysource=copysource)

        mctx = context.memctx(
            repo,
            (pctx.node(), nullid),
            _b(spec['message']),
            sorted(set(touched)),
            filectxfn,
            user=_b(spec['user']),
            date=(spec['time'], spec['tz']),
            extra={b'branch': branch},
        )
        node = mctx.commit()
    _emit(ui, {'node': _s(repo[node].hex()), 'rev': repo[node].rev()})
    return 0


def refuse_write_hook(ui, repo, hooktype, **kwargs):
    """pretxnopen / prepushkey hook for read-only sessions: every write is refused"""
    # An abort (not a failed hook) so the client prints the reason, not just the hook's name.
    raise error.Abort(b'this repository is read-only for you (read access only)')


# --- HTTP worker -------------------------------------------------------------------------

_SECRET_ENV = 'HTTP_GROVE_WORKER_SECRET'
_REPO_ENV = 'HTTP_GROVE_REPO_PATH'
_USER_ENV = 'HTTP_GROVE_REMOTE_USER'
_PUSH_ENV = 'HTTP_GROVE_ALLOW_PUSH'


class groveworkerapp:
    """WSGI app: checks the secret header, then serves the repository the gateway names."""

    def __init__(self, baseui, root, secret, hgweb_mod):
        self.hgweb_mod = hgweb_mod
        self.baseui = baseui
        self.root = os.path.realpath(root)
        self.secret = secret
        self.apps = {}
        self.lock = threading.Lock()

    def _app(self, relpath):
        full = os.path.realpath(os.path.join(self.root, relpath))
        if full != self.root and not full.startswith(self.root + os.sep):
            return None
        if not os.path.isdir(os.path.join(full, '.hg')):
            return None
        with self.lock:
            app = self.apps.get(full)
            if app is None:
                app = self.hgweb_mod.hgweb(full.encode('utf-8', 'surrogateescape'), baseui=self.baseui)
                self.apps[full] = app
            return app

    def __call__(self, env, respond):
        if env.get('PATH_INFO') == '/__grove_health':
            ok = env.get(_SECRET_ENV) == self.secret
            respond('200 OK' if ok else '403 Forbidden', [('Content-Type', 'text/plain')])
            return [b'ok' if ok else b'forbidden']
        if not self.secret or env.get(_SECRET_ENV) != self.secret:
            respond('403 Forbidden', [('Content-Type', 'text/plain')])
            return [b'forbidden']
        relpath = env.get(_REPO_ENV, '')
        app = self._app(relpath) if relpath else None
        if app is None:
            respond('404 Not Found', [('Content-Type', 'text/plain')])
            return [b'repository not found']
        env = dict(env)
        user = env.pop(_USER_ENV, '')
        if user:
            env['REMOTE_USER'] = user
        else:
            env.pop('REMOTE_USER', None)
        env['GROVE_ALLOW_PUSH'] = env.pop(_PUSH_ENV, '0')
        env.pop(_SECRET_ENV, None)
        env.pop(_REPO_ENV, None)
        # The wire protocol only answers on the repository root: the whole URL path is the repo.
        env['SCRIPT_NAME'] = env.get('SCRIPT_NAME', '') + env.get('PATH_INFO', '')
        env['PATH_INFO'] = ''
        return app(env, respond)


def _grove_permhook(rctx, req, op):
    # Writes only when the gateway said so, whatever the repository's own [web] settings say.
    from mercurial.hgweb import common as webcommon

    if op == b'push' and req.rawenv.get(b'GROVE_ALLOW_PUSH', req.rawenv.get('GROVE_ALLOW_PUSH')) not in (b'1', '1'):
        raise webcommon.ErrorResponse(webcommon.HTTP_FORBIDDEN, b'push not allowed')


def _send_header(orig, self, keyword, value):
    if keyword.lower() == 'server':
        return None
    return orig(self, keyword, value)


def uisetup(ui):
    # Only `hg serve` workers started by Grove (grove.worker-secret set) load the web machinery.
    secret = ui.config(b'grove', b'worker-secret')
    root = ui.config(b'grove', b'root')
    if not secret or not root:
        return
    from mercurial import hgweb as hgwebpkg
    from mercurial.hgweb import hgweb_mod, server as webserver

    def createapp(orig, baseui, repo, webconf):
        return groveworkerapp(baseui, os.fsdecode(root), secret.decode('ascii'), hgweb_mod)

    extensions.wrapfunction(hgwebpkg, 'createapp', createapp)
    extensions.wrapfunction(webserver._httprequesthandler, 'send_header', _send_header)
    if _grove_permhook not in hgweb_mod.permhooks:
        hgweb_mod.permhooks.append(_grove_permhook)

