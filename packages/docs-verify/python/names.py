"""Reads a JSON list of Python blocks on stdin; prints, for each, its top-level statements: the
lines each spans, what kind it is (an import, a declaration, or other code), the names it binds at
the top level, and the names it uses but binds nowhere itself (builtins aside). null for a block
that does not parse."""

import ast
import builtins
import json
import sys

DECLARATIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign)
BUILTINS = set(dir(builtins))


def targets(node):
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, (ast.Tuple, ast.List)):
        return [name for element in node.elts for name in targets(element)]
    if isinstance(node, ast.Starred):
        return targets(node.value)
    return []


def imported(alias):
    return (alias.asname or alias.name).split(".")[0]


def bound_in_body(statement):
    """What a compound statement at the top level binds there: Python's `if`, `for`, `with`,
    `while` and `try` have no scope of their own, so their bodies' assignments are module names.
    A function's or a class's body is its own scope."""
    names = []
    for child in ast.iter_child_nodes(statement):
        if isinstance(child, ast.stmt):
            names.extend(defined_by(child))
        elif isinstance(child, ast.ExceptHandler):
            names.extend([child.name] if child.name else [])
            names.extend(name for inner in child.body for name in defined_by(inner))
    return names


def defined_by(statement):
    if isinstance(statement, ast.Assign):
        return [name for target in statement.targets for name in targets(target)]
    if isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
        return targets(statement.target)
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [statement.name]
    if isinstance(statement, (ast.Import, ast.ImportFrom)):
        return [imported(alias) for alias in statement.names]
    if isinstance(statement, (ast.With, ast.AsyncWith)):
        return [name for item in statement.items for name in targets(item.optional_vars)] \
            + bound_in_body(statement)
    if isinstance(statement, (ast.For, ast.AsyncFor)):
        return targets(statement.target) + bound_in_body(statement)
    if isinstance(statement, (ast.If, ast.While, ast.Try)) or type(statement).__name__ == "TryStar":
        return bound_in_body(statement)
    return []


def is_docstring(statement):
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) \
        and isinstance(statement.value.value, str)


def kind_of(statement):
    if isinstance(statement, (ast.Import, ast.ImportFrom)):
        return "import"
    if isinstance(statement, DECLARATIONS) or is_docstring(statement):
        return "declaration"
    return "other"


def free_names(statement):
    bound, loaded = set(), set()
    for node in ast.walk(statement):
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
    # `x += 1` reads the x it rebinds.
    if isinstance(statement, ast.AugAssign):
        bound.difference_update(targets(statement.target))
        loaded.update(targets(statement.target))
    return sorted(loaded - bound - BUILTINS)


def first_line(statement):
    decorators = getattr(statement, "decorator_list", [])
    return min([statement.lineno] + [decorator.lineno for decorator in decorators])


def analyse(code):
    try:
        tree = ast.parse(code)
    # A block that does not parse, or nests deeper than the parser goes, has no names to join.
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return [
        {
            "kind": kind_of(statement),
            "startLine": first_line(statement),
            "endLine": statement.end_lineno,
            "defines": defined_by(statement),
            "uses": free_names(statement),
        }
        for statement in tree.body
    ]


print(json.dumps([analyse(code) for code in json.load(sys.stdin)]))
