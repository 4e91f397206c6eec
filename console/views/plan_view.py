"""The plan view: the interactive graph, the step panel, the roles and targets tables,
and the level selector Ⅳ–Ⅰ that drives them all."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyleOption,
    QStylePainter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.plans import LEVELS_LOW_TO_HIGH, Level

from .graph_payload import GraphLabels, graph_payload
from .i18n import current_language, plan_text
from .plan_document import PlanDocument
from .plan_graph import PlanGraphView
from .plan_tables import RolesModel, TargetsModel
from .signals import emit
from .step_panel import StepPanel
from .vocabulary import KINDS, label

__all__ = ["PlanView"]

COLOUR_MODES = ("stage", "board")


class ElidedLabel(QLabel):
    """A one-line label that may be narrower than its text: the text is elided (…) and
    shown whole in the tooltip."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self.text()) + 4, hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("…") * 6, hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOption()
        option.initFrom(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             rect.width())
        painter.drawItemText(rect, int(Qt.AlignmentFlag.AlignLeft
                                       | Qt.AlignmentFlag.AlignVCenter),
                             option.palette, self.isEnabled(), text)


class PlanView(QWidget):
    """Shows one opened plan. ``backRequested`` when the user wants the library again,
    ``editRequested(path)`` when they want to edit the plan's file."""

    backRequested = Signal()
    editRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: PlanDocument | None = None
        self._level = Level.IV

        self._back = QToolButton(toolButtonStyle=Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._back.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self._back.clicked.connect(self.backRequested)
        self.edit_button = QToolButton(objectName="edit-plan")
        self.edit_button.clicked.connect(self._edit)
        self._title = ElidedLabel(objectName="plan-title", textFormat=Qt.TextFormat.PlainText)
        font = self._title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self._title.setFont(font)
        self._level_caption = QLabel()
        self._levels = QButtonGroup(self, exclusive=True)
        level_row = QHBoxLayout()
        level_row.setSpacing(2)
        for rank, level in enumerate(LEVELS_LOW_TO_HIGH):
            button = QToolButton(text=level.numeral, checkable=True,
                                 objectName=f"level-{level.value}")
            self._levels.addButton(button, rank)
            level_row.addWidget(button)
        self._levels.idClicked.connect(lambda rank: self.set_level(LEVELS_LOW_TO_HIGH[rank]))
        self._colour_caption = QLabel()
        self._colour = QComboBox(objectName="colour-by")
        self._colour.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._colour.addItems(["", ""])
        self._colour.currentIndexChanged.connect(lambda _: self._render_graph())
        self._all_levels = QCheckBox(objectName="all-levels")
        self._all_levels.toggled.connect(lambda _: self._render_graph())
        self._trigger = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText,
                               objectName="level-trigger")

        # The header is one row when the view is wide enough, else two: the title row,
        # then the level, colouring and other-levels controls (``_fit_header``).
        title_row = QHBoxLayout()
        title_row.addWidget(self._back)
        title_row.addWidget(self._title, 1)
        title_row.addWidget(self.edit_button)
        self._controls = QWidget(objectName="plan-controls")
        controls = QHBoxLayout(self._controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self._level_caption)
        controls.addLayout(level_row)
        controls.addSpacing(12)
        controls.addWidget(self._colour_caption)
        controls.addWidget(self._colour)
        controls.addSpacing(12)
        controls.addWidget(self._all_levels)
        controls.addStretch(1)
        self._header = QGridLayout()
        self._header.setContentsMargins(0, 0, 0, 0)
        self._header.addLayout(title_row, 0, 0)
        self._header.setColumnStretch(0, 1)
        self._two_rows: bool | None = None

        self.graph = PlanGraphView()
        self.graph.stepClicked.connect(self.show_step)
        self.roles_model = RolesModel(self)
        self.targets_model = TargetsModel(self)
        self._tabs = QTabWidget()
        self._tabs.addTab(_table(self.roles_model), "")
        self._tabs.addTab(_table(self.targets_model), "")
        self.step_panel = StepPanel()
        self.step_panel.setMinimumWidth(self.fontMetrics().averageCharWidth() * 28)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.graph)
        left.addWidget(self._tabs)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.step_panel)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(self._header)
        layout.addWidget(self._trigger)
        layout.addWidget(split, 1)
        self._retranslate()
        self._fit_header()

    def _fit_header(self) -> None:
        """One header row when the title (at least a few words of it) and the controls
        fit side by side, else the controls on a second row."""
        needed = (self._back.sizeHint().width() + self._title.minimumSizeHint().width() * 3
                  + (self.edit_button.sizeHint().width() if not self.edit_button.isHidden()
                     else 0)
                  + self._controls.sizeHint().width() + 48)
        two_rows = self.width() < needed
        if two_rows == self._two_rows:
            return
        self._two_rows = two_rows
        self._header.removeWidget(self._controls)
        if two_rows:
            self._header.addWidget(self._controls, 1, 0)
        else:
            self._header.addWidget(self._controls, 0, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_header()

    @property
    def document(self) -> PlanDocument | None:
        return self._document

    @property
    def level(self) -> Level:
        return self._level

    @property
    def colour_by(self) -> str:
        return COLOUR_MODES[max(self._colour.currentIndex(), 0)]

    def show_document(self, document: PlanDocument, level: Level = Level.IV) -> None:
        """Show a plan that opened cleanly (``document.ok``), at ``level``."""
        if not document.ok:
            raise ValueError("only a plan without errors can be shown")
        self._document = document
        self._level = level
        self.step_panel.show_step(document, level, None)
        self._render()

    def set_level(self, level: Level) -> None:
        """Show the plan at another response level."""
        self._level = level
        if self._document is not None:
            self.step_panel.show_step(self._document, level, self.step_panel.step)
        self._render()

    def set_colour_by(self, mode: str) -> None:
        """Colour steps by lifecycle ``stage`` or by ``board``."""
        self._colour.setCurrentIndex(COLOUR_MODES.index(mode))

    def set_all_levels(self, shown: bool) -> None:
        """Draw the other levels' steps too (greyed), or this level's steps only."""
        self._all_levels.setChecked(shown)

    def show_step(self, step_id: str) -> None:
        """Show a step's details in the side panel and highlight it in the graph."""
        if self._document is None:
            return
        self.step_panel.show_step(self._document, self._level, step_id)
        self.graph.select(self.step_panel.step)

    def _edit(self) -> None:
        if self._document is not None:
            emit(self.editRequested, self._document.path)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._render()
            self._two_rows = None
            self._fit_header()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._back.setText(self.tr("Plan library"))
        self._back.setToolTip(self.tr("Back to the plan library"))
        self.edit_button.setText(self.tr("Edit"))
        self.edit_button.setToolTip(self.tr("Edit this plan's text"))
        self._level_caption.setText(self.tr("Response level:"))
        self._colour_caption.setText(self.tr("Colour by:"))
        self._colour.setItemText(0, self.tr("Lifecycle stage"))
        self._colour.setItemText(1, self.tr("Board"))
        self._tabs.setTabText(0, self.tr("Roles"))
        self._tabs.setTabText(1, self.tr("Targets"))
        self._all_levels.setText(self.tr("Show other levels' steps"))
        self._all_levels.setToolTip(
            self.tr("Draw the steps of every level, greyed where they do not apply"))

    def _render(self) -> None:
        document = self._document
        if document is None:
            return
        plan = document.plan
        self._title.setText(plan_text(plan.title, plan.title_en))
        self._levels.button(LEVELS_LOW_TO_HIGH.index(self._level)).setChecked(True)
        for rank, level in enumerate(LEVELS_LOW_TO_HIGH):
            spec = plan.levels.get(level)
            self._levels.button(rank).setToolTip(f"{level.numeral} {spec.name}: {spec.trigger}"
                                                 if spec else level.numeral)
        spec = plan.levels.get(self._level)
        self._trigger.setText(f"{self._level.numeral} {spec.name}: {spec.trigger}" if spec
                              else self._level.numeral)
        self.roles_model.show(document, self._level)
        self.targets_model.show(document, self._level)
        self._render_graph()

    def _render_graph(self) -> None:
        if self._document is None:
            return
        self.graph.show_graph(graph_payload(
            self._document, self._level, self.colour_by, self._graph_labels(),
            all_levels=self._all_levels.isChecked(), english=current_language() == "en",
            selected=self.step_panel.step))

    def _graph_labels(self) -> GraphLabels:
        return GraphLabels(
            lanes={key: label("Lane", key) for key in KINDS["Lane"]},
            stages={key: label("Stage", key) for key in KINDS["Stage"]},
            units={key: label("Unit", key) for key in KINDS["Unit"]},
            no_stage=self.tr("No stage"),
            no_unit=self.tr("Outside bodies"),
            stage_legend=self.tr("Lifecycle stage"),
            board_legend=self.tr("Board the people come from"),
            after_all=self.tr("after all of"),
            after_any=self.tr("after any of"),
            branch=self.tr("decision outcome"),
            critical=self.tr("critical path"),
            critical_total=self.tr("Expected critical path: %1"),
            not_at_level=self.tr("not at this level"),
            outside=self.tr("outside body"),
        )


class _Table(QTableView):
    """A table whose columns fit their contents, none wider than half the table
    (but at least 16 characters): in a narrow pane a long text column is elided (the
    cell's tooltip has it whole) rather than pushing the others out of sight."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        header = self.horizontalHeader()
        limit = max(self.viewport().width() // 2, self.fontMetrics().averageCharWidth() * 16)
        if header.maximumSectionSize() != limit:
            header.setMaximumSectionSize(limit)


def _table(model: RolesModel | TargetsModel) -> QTableView:
    table = _Table()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table
