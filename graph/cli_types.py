"""Argument types shared by the command-line modules, defined once: a bad value becomes argparse's usage error
(exit 2) naming the option."""

from __future__ import annotations

import argparse


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from error
    if number <= 0:
        raise argparse.ArgumentTypeError("must be positive")
    return number


def positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from error
    if not number > 0:  # also refuses nan
        raise argparse.ArgumentTypeError("must be positive")
    return number
