"""The procedure list model, checked by Qt's model tester."""

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from kiosk.catalog.procedures import Catalog
from ui.kiosk.models import ProcedureListModel


def test_procedure_model_passes_the_model_tester(
    qtmodeltester: ModelTester, catalog: Catalog
) -> None:
    model = ProcedureListModel("vi")
    qtmodeltester.check(model)
    model.set_procedures(catalog.procedures_in("civil_status"))
    qtmodeltester.check(model)
    assert model.index(0).data() == "Đăng ký khai sinh"
    assert model.index(0).data(ProcedureListModel.CodeRole) == "1.001193"
    model.set_language("en")
    assert model.index(0).data(Qt.ItemDataRole.DisplayRole) == "Birth registration"
    model.set_procedures([])
    qtmodeltester.check(model)
