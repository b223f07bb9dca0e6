from . import (
    test_einvoice_xml,
    test_fapiao,
    test_fapiao_amounts,
    test_fapiao_callback,
    test_fapiao_jobs,
    test_fapiao_poll,
    test_fapiao_portal,
    test_fapiao_red,
    test_fapiao_tour,
    test_nuonuo_adapter,
)
