from . import test_fapiao, test_fapiao_amounts, test_fapiao_callback, test_nuonuo_adapter
