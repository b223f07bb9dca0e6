from . import amounts, provider, nuonuo
