# Minimal type stub for pypandoc (the package ships no type hints).
from collections.abc import Sequence

def get_pandoc_path() -> str: ...
def get_pandoc_version() -> str: ...
def convert_text(
    source: str | bytes,
    to: str,
    format: str | None = None,
    extra_args: Sequence[str] = (),
    encoding: str = "utf-8",
    outputfile: str | None = None,
    filters: Sequence[str] | None = None,
    verify_format: bool = True,
    sandbox: bool = False,
    cworkdir: str | None = None,
) -> str: ...
def convert_file(
    source_file: str,
    to: str,
    format: str | None = None,
    extra_args: Sequence[str] = (),
    encoding: str = "utf-8",
    outputfile: str | None = None,
    filters: Sequence[str] | None = None,
    verify_format: bool = True,
    sandbox: bool = False,
    cworkdir: str | None = None,
) -> str: ...
