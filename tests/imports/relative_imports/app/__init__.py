from . import util
from .util import double
from .sub import deep
print("app ready", double(2), deep.VALUE)
