from . import test_fapiao, test_fapiao_amounts, test_nuonuo_adapter
