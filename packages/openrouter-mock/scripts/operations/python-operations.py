"""Prints, as JSON, every operation the official Python SDK (`openrouter` on PyPI) can call: its method,
path, server, request body schema and success response schema, in wire format (JSON Schema by alias).
Run by generate.ts with the docs venv's interpreter; reads the installed package, never the network."""

import importlib
import json
import pkgutil
import re
import sys

import openrouter
from pydantic import TypeAdapter

BUILD = re.compile(r'_build_request\(\s*method="(\w+)",\s*path="([^"]+)"')
OPERATION_ID = re.compile(r'operation_id="(\w+)"')
BODY = re.compile(r'serialize_request_body\(\s*[\w.]+,\s*\w+,\s*\w+,\s*"(\w+)",\s*([\w.\[\]]+),?\s*\)')
SUCCESS = re.compile(
    r'match_response\(http_res, "(2\d\d)", "([^"]+)"\):\s*\n\s*(?:return|http_res_text = )([\s\S]+?)\n\s*(?:if |response_data|raise)'
)
EVENT_MODEL = re.compile(r'unmarshal_json\(\s*raw,\s*([\w.\[\], ]+?)\s*\)')
JSON_MODEL = re.compile(r'unmarshal_json_response\(\s*([\w.\[\], ]+?),\s*http_res')
SERVER = re.compile(r'base_url = operations\.(\w+_SERVERS)\[0\]')


def resolve(dotted):
    module_name, _, name = dotted.rpartition(".")
    module = importlib.import_module(f"openrouter.{module_name}")
    return getattr(module, name)


def schema(dotted, mode):
    try:
        return TypeAdapter(resolve(dotted)).json_schema(by_alias=True, mode=mode)
    except Exception as error:  # a model pydantic cannot describe: the floor answers without it
        print(f"python-operations: no schema for {dotted}: {error}", file=sys.stderr)
        return None


def operations_of(source):
    # Sync methods only: each `_async` twin repeats the same request.
    for block in re.split(r"\n    (?:async )?def ", source)[1:]:
        if block.startswith("_") or re.match(r"\w+_async\(", block):
            continue
        build = BUILD.search(block)
        if not build:
            continue
        method, path = build.groups()
        operation = {
            "sdkMethod": block.split("(", 1)[0],
            "operationId": (OPERATION_ID.search(block) or [None, None])[1],
            "method": method,
            "path": path,
        }
        server = SERVER.search(block)
        if server:
            operation["server"] = getattr(importlib.import_module("openrouter.operations"), server[1])[0]
        body = BODY.search(block)
        if body:
            operation["requestBody"] = {"mediaType": body[1], "schema": schema(body[2], "serialization")}
        for status, media_type, returned in SUCCESS.findall(block):
            model = JSON_MODEL.search(returned) or EVENT_MODEL.search(returned)
            operation.setdefault("responses", []).append(
                {
                    "status": int(status),
                    "mediaType": media_type,
                    "schema": schema(model[1], "validation") if model else None,
                }
            )
        yield operation


def main():
    found = []
    for module in pkgutil.iter_modules(openrouter.__path__):
        if module.ispkg or module.name.startswith("_"):
            continue
        source = open(f"{openrouter.__path__[0]}/{module.name}.py", encoding="utf8").read()
        for operation in operations_of(source):
            operation["sdkMethod"] = f"{module.name}.{operation['sdkMethod']}"
            found.append(operation)
    version = importlib.import_module("openrouter._version").__version__
    json.dump({"version": version, "operations": found}, sys.stdout)


main()
