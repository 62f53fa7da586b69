from .. import util
from ..util import double
from . import sibling
VALUE = double(10) + sibling.N
print("deep package", __package__)
