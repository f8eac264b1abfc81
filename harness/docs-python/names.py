"""Reads a JSON list of Python blocks on stdin; prints, for each, the names its top level defines,
the names it uses but binds nowhere (builtins aside), and whether its top level only declares
(imports, functions, classes, assignments, docstrings). null for a block that does not parse."""

import ast
import builtins
import json
import sys

DECLARATIONS = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                ast.Assign, ast.AnnAssign)


def targets(node):
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, (ast.Tuple, ast.List)):
        return [name for element in node.elts for name in targets(element)]
    return []


def imported(alias):
    return (alias.asname or alias.name).split(".")[0]


def defined_by(statement):
    if isinstance(statement, ast.Assign):
        return [name for target in statement.targets for name in targets(target)]
    if isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
        return targets(statement.target)
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [statement.name]
    if isinstance(statement, (ast.Import, ast.ImportFrom)):
        return [imported(alias) for alias in statement.names]
    return []


def is_docstring(statement):
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) \
        and isinstance(statement.value.value, str)


def analyse(code):
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return None
    bound, loaded = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update(imported(alias) for alias in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return {
        "defines": sorted({name for statement in tree.body for name in defined_by(statement)}),
        "uses": sorted(loaded - bound - set(dir(builtins))),
        "onlyDeclares": bool(tree.body) and all(
            isinstance(statement, DECLARATIONS) or is_docstring(statement) for statement in tree.body
        ),
    }


print(json.dumps([analyse(code) for code in json.load(sys.stdin)]))
