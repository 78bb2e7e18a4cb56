#!/usr/bin/env python3
"""Sends every route a mix of methods, malformed bodies and content types, with and without a
token, and counts server errors (5xx or no answer): there must be none.
Usage: bench/malformed_requests.py BASE_URL TOKEN   (e.g. against `tandem demo`)"""
import json, sys, urllib.error, urllib.request

base, token = sys.argv[1].rstrip('/'), sys.argv[2]
paths = ['/api/v1/me', '/api/v1/orgs', '/api/v1/orgs/x', '/api/v1/members', '/api/v1/members/x', '/api/v1/audit?limit=-5',
         '/api/v1/audit?limit=abc', '/api/v1/areas', '/api/v1/categories', '/api/v1/reports', '/api/v1/reports?from=zzz',
         '/api/v1/reports?limit=99999999999999999999', '/api/v1/reports/%00', '/api/v1/reports/x/verify', '/api/v1/alerts',
         '/api/v1/alerts?overdue=maybe', '/api/v1/alerts/x', '/api/v1/alerts/x/assign', '/api/v1/alerts/x/responses',
         '/api/v1/intake/sms', '/api/v1/sms-inbox', '/openrosa/formList', '/openrosa/submission', '/reports', '/reports/new',
         '/reports/x', '/reports/x/status', '/alerts/x/assign', '/alerts/x/respond', '/dashboard', '/intake/x',
         '/lang/%ff', '/members/x/role', '/admin/orgs']
bodies = [None, b'{', b'[]', b'null', b'{"area":1}', b'\xff\xfe', b'a=b&c', json.dumps({"x": "y" * 100000}).encode(),
          json.dumps({"area": "MR0101", "category": "gbv", "severity": "4", "occurred_at": "2026-01-01", "description": "x"}).encode()]
ctypes = ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'text/plain']
bad = n = 0
for p in paths:
    for m in ['GET', 'POST', 'PATCH', 'DELETE']:
        for b in bodies:
            for ct in ctypes:
                for auth in (True, False):
                    req = urllib.request.Request(base + p, data=b if m != 'GET' else None, method=m)
                    if b is not None and m != 'GET':
                        req.add_header('content-type', ct)
                    if auth:
                        req.add_header('authorization', 'Bearer ' + token)
                    n += 1
                    try:
                        code = urllib.request.urlopen(req, timeout=10).status
                    except urllib.error.HTTPError as e:
                        code = e.code
                    except Exception:
                        code = -1
                    if code >= 500 or code < 0:
                        bad += 1
                        print('server error', m, p, ct, code)
print(f'{n} requests, {bad} server errors')
sys.exit(1 if bad else 0)
