"""pip install --no-build-isolation ./python: builds the package with the project's CMake (the
module target and the pure-Python files) and installs what it assembled in <build>/python/wlancode."""
import os
import shutil
import subprocess
import sys

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


class cmake_build(build_py):
    def run(self):
        build = os.path.join(HERE, "build-pip")
        subprocess.check_call(["cmake", "-S", ROOT, "-B", build, "-DCMAKE_BUILD_TYPE=Release",
                               "-DWLANCODE_BUILD_TESTS=OFF", "-DWLANCODE_BUILD_BENCH=OFF",
                               "-DWLANCODE_BUILD_PYTHON=ON", f"-DPython_EXECUTABLE={sys.executable}"])
        subprocess.check_call(["cmake", "--build", build, "--target", "wlancode_python", "-j2"])
        target = os.path.join(self.build_lib, "wlancode")
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(os.path.join(build, "python", "wlancode"), target)


class binary(Distribution):
    def has_ext_modules(self):
        return True  # a platform wheel: the package holds a native module


setup(packages=["wlancode"], cmdclass={"build_py": cmake_build}, distclass=binary)
