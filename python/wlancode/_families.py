"""wlancode.Family, generated at import from the library's one family list (families.def)."""
import enum

from . import _native

Family = enum.IntEnum("Family", [(fid, number) for fid, number, *_ in _native.families()], module=__package__)
Family.__doc__ = """The code families, as an IntEnum: the member name is the family id used by the CLI
and the JSONL records ("wlan_reason", ...), the value the library's family number.
A function taking a family also accepts the id (str) or the number."""
Family.type_name = property(lambda self: _native.families()[self.value][2], doc="the C type, e.g. WLAN_REASON_CODE")
Family.bits = property(lambda self: _native.families()[self.value][3], doc="value width: 32 or 16")
Family.header = property(lambda self: _native.families()[self.value][4], doc="the defining header or standard")
