from . import statement_portal
