"""The texts of plan diagnostics, in Chinese and English.

A diagnostic keeps its message as language-neutral data, a ``Message``: a key into
``TEMPLATES`` and the parameters to fill in. It is rendered on demand, so the console
speaks the user's language and the command line can choose one. Parameters that are
field names, ids, YAML keys or the author's own text are shown verbatim in both
languages; a parameter may itself be a ``Message`` (a did-you-mean, a reason), rendered
in the same language.

Qt-free and light: the plan library renders cached problems without the loader.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Literal, Union

__all__ = [
    "RULE_SUMMARIES_ZH",
    "TEMPLATES",
    "Lang",
    "Message",
    "Param",
    "lang_of",
    "msg",
    "placeholders",
    "with_hint",
]

Lang = Literal["zh", "en"]

#: A parameter: shown verbatim (text, numbers with the template's format) or rendered.
Param = Union[str, int, float, "Message"]

#: The key of a message whose text is not translated (a caller's own text).
LITERAL = ""


def lang_of(language: str | None) -> Lang:
    """``zh``, ``zh_CN``, ``zh-Hans`` … → ``zh``; anything else → ``en``."""
    return "zh" if (language or "").lower().startswith("zh") else "en"


@dataclass(frozen=True, slots=True)
class Message:
    """A text as data: a template key and its parameters, rendered in either language."""

    key: str
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def literal(cls, text: str) -> Message:
        """A text shown as it is, in every language (for callers' own messages)."""
        return cls(LITERAL, (("text", text),))

    @property
    def arguments(self) -> dict[str, Param]:
        return dict(self.params)

    def render(self, lang: str = "en") -> str:
        lang = lang_of(lang)
        values = {name: value.render(lang) if isinstance(value, Message) else value
                  for name, value in self.params}
        if self.key == LITERAL:
            return str(values.get("text", ""))
        template = TEMPLATES[self.key][lang]
        return template.format(**values)

    def as_data(self) -> dict[str, object]:
        """JSON-friendly: ``{"key": …, "params": {…}}``, nested messages alike."""
        return {"key": self.key, "params": {
            name: value.as_data() if isinstance(value, Message) else value
            for name, value in self.params}}

    def __str__(self) -> str:
        return self.render("en")


def msg(key: str, /, **params: Param) -> Message:
    """``msg("P201.after", step="report", pred="verfy", dym=…)``; the key must exist."""
    if key not in TEMPLATES:
        raise KeyError(f"no diagnostic message {key!r}")
    return Message(key, tuple(params.items()))


def with_hint(text: str, hint: str, lang: str) -> str:
    """A message followed by its hint in brackets, in the language's punctuation."""
    if not hint:
        return text
    return f"{text}（{hint}）" if lang_of(lang) == "zh" else f"{text} ({hint})"


def placeholders(template: str) -> set[str]:
    """The names a template fills in (``{size:,}`` → ``size``)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


#: libyaml's problems and contexts (exactly as it words them), with their message keys and
#: Chinese; the loader looks them up, and shows an unknown one as it is.
YAML_PROBLEMS: dict[str, tuple[str, str]] = {
    "mapping values are not allowed here": ("yaml.mapping_values", "此处不能出现 '键: 值'"),
    "mapping values are not allowed in this context": ("yaml.mapping_values_context",
                                                       "此处不能出现 '键: 值'"),
    "did not find expected key": ("yaml.expected_key", "缺少应有的键"),
    "did not find expected ',' or ']'": ("yaml.expected_bracket", "缺少 ',' 或 ']'"),
    "did not find expected ',' or '}'": ("yaml.expected_brace", "缺少 ',' 或 '}'"),
    "did not find expected node content": ("yaml.expected_content", "缺少应有的内容"),
    "did not find expected '-' indicator": ("yaml.expected_dash", "缺少列表项标记 '-'"),
    "could not find expected ':'": ("yaml.expected_colon", "缺少冒号 ':'"),
    "found unexpected end of stream": ("yaml.end_of_stream", "文件意外结束"),
    "found character that cannot start any token": ("yaml.bad_token",
                                                    "出现了不能用在此处开头的字符"),
    "found undefined alias": ("yaml.undefined_alias",
                              "引用了未定义的锚点（别名 *x 找不到对应的 &x）"),
    "but found another document": ("yaml.another_document", "却又出现了另一份文档"),
    "block sequence entries are not allowed in this context": (
        "yaml.sequence_entries", "此处不能出现列表项 '-'"),
    "found unknown escape character": ("yaml.unknown_escape", "出现了未知的转义字符"),
    "found unexpected ':'": ("yaml.unexpected_colon", "出现了多余的冒号 ':'"),
    "invalid YAML": ("yaml.invalid", "无效的 YAML"),
    "while parsing a block mapping": ("yaml.while_block_mapping", "解析 '字段: 值' 映射时"),
    "while parsing a block collection": ("yaml.while_block_collection", "解析列表时"),
    "while parsing a flow mapping": ("yaml.while_flow_mapping", "解析花括号 {…} 映射时"),
    "while parsing a flow sequence": ("yaml.while_flow_sequence", "解析方括号 […] 列表时"),
    "while scanning a quoted scalar": ("yaml.while_quoted", "读取带引号的文字时"),
    "while scanning a simple key": ("yaml.while_simple_key", "读取键时"),
    "while scanning a plain scalar": ("yaml.while_plain", "读取文字时"),
    "while parsing a block node": ("yaml.while_block_node", "解析内容时"),
    "while parsing a flow node": ("yaml.while_flow_node", "解析内容时"),
    "while parsing a node": ("yaml.while_node", "解析内容时"),
    "while scanning an alias": ("yaml.while_alias", "读取别名时"),
    "while scanning an anchor": ("yaml.while_anchor", "读取锚点时"),
    "while scanning a block scalar": ("yaml.while_block_scalar", "读取多行文字时"),
    "while parsing a quoted scalar": ("yaml.while_quoted_parse", "解析带引号的文字时"),
    "expected a single document in the stream": ("yaml.single_document",
                                                 "文件中应只有一份文档"),
}


def _t(en: str, zh: str) -> dict[Lang, str]:
    return {"en": en, "zh": zh}


#: Every message: key → {"en": template, "zh": template}. str.format templates; the same
#: placeholders in both languages (a test checks).
TEMPLATES: dict[str, dict[Lang, str]] = {
    # -- pieces used inside other messages ------------------------------------------------
    "dym": _t(" — did you mean '{name}'?", "（是否应为 '{name}'？）"),
    "hint.dym": _t("did you mean '{name}'?", "是否应为 '{name}'？"),
    "hint.save_utf8": _t("save the file as UTF-8", "请将文件另存为 UTF-8 编码"),
    "hint.write_format": _t("write format: {version}", "请写成 format: {version}"),
    "hint.tag": _t("remove the '!' tag; plans are plain data",
                   "请删除 '!' 标签；预案只包含普通数据"),
    "hint.start_from": _t("start from plans/ or docs/plan-format.md",
                          "可以从 plans/ 中的预案或 docs/plan-format.md 的示例开始写"),
    "value.at": _t("{label}: {detail}", "{label}：{detail}"),
    "value.got": _t(" (got {value})", "（实际为 {value}）"),
    "kind.list": _t("a list", "一个列表"),
    "kind.scalar": _t("a single value", "单个值"),
    "os.ENOENT": _t("No such file or directory", "文件不存在"),
    "os.EACCES": _t("Permission denied", "没有读取权限"),
    "os.EISDIR": _t("Is a directory", "这是文件夹，不是文件"),
    "os.other": _t("{reason}", "{reason}"),
    # -- reading the file (yamlsource.py, loader.py) -------------------------------------
    "P001.unreadable": _t("cannot read the file: {reason}", "无法读取文件：{reason}"),
    "P001.no_such_path": _t("no such file or folder", "文件或文件夹不存在"),
    "P002.too_large": _t("file is {size:,} bytes; plans are limited to {limit:,}",
                         "文件大小为 {size:,} 字节，预案文件不能超过 {limit:,} 字节"),
    "P002.text_too_large": _t("text is larger than {limit:,} bytes",
                              "文本超过 {limit:,} 字节"),
    "P003.empty": _t("file is empty (only blank lines or comments)",
                     "文件是空的：只有空行或注释"),
    "P003.no_document": _t("file holds no YAML document", "文件中没有 YAML 内容"),
    "P004.bom": _t("file starts with a {codec} mark but is not {codec}",
                   "文件开头有 {codec} 编码标记，但内容不是 {codec} 编码"),
    "P004.nul": _t("file contains NUL bytes: this is not a text file",
                   "文件中含有 NUL 字节：这不是文本文件"),
    "P004.neither": _t("byte {offset} is neither UTF-8 nor GB18030 text",
                       "第 {offset} 字节处的内容既不是 UTF-8 也不是 GB18030 文本"),
    "P004.not_utf8": _t("byte {offset} is not UTF-8",
                        "第 {offset} 字节处的内容不是 UTF-8 编码"),
    "P004.control": _t("control character {char} in the text: not a plan file",
                       "文本中有控制字符 {char}：这不是预案文件"),
    "P005.gb18030": _t("file is encoded as GB18030/GBK, not UTF-8; it was read as GB18030",
                       "文件编码是 GB18030/GBK，不是 UTF-8；已按 GB18030 读取"),
    "P005.hint": _t("save it as UTF-8 so every tool reads it the same way",
                    "请另存为 UTF-8 编码，让各种工具读出的内容一致"),
    "P006.syntax": _t("{problem}{context}", "YAML 语法错误：{problem}{context}"),
    "P006.context": _t(" ({context})", "（{context}）"),
    "P006.context_at": _t(" ({context} at line {line})", "（{context}，见第 {line} 行）"),
    "P006.merge": _t("'<<' merges mappings only", "'<<' 只能合并映射（字段: 值 的集合）"),
    "P006.hint.bracket": _t("a bracket [ or {{ is not closed", "有括号 [ 或 {{ 没有闭合"),
    "P006.hint.quote": _t("a quote \" or ' is not closed", "有引号 \" 或 ' 没有闭合"),
    "P006.hint.colon": _t("a ':' inside a value needs quotes, or the indentation is off",
                          "值里含有 ':' 时要加引号或改用中文冒号 '：'，也可能是缩进不对"),
    "P006.hint.documents": _t("a plan file holds one document: remove the extra '---'",
                              "一个预案文件只能有一份文档：请删除多余的 '---'"),
    "P007.tab": _t("a tab character is used for indentation", "缩进中用了制表符（Tab）"),
    "P007.hint": _t("YAML indents with spaces only; replace the tab with spaces",
                    "YAML 只能用空格缩进，请把制表符换成空格"),
    "P008.duplicate": _t("duplicate key '{key}' (first at line {first})",
                         "键 '{key}' 重复（第一次出现在第 {first} 行）"),
    "P008.hint": _t("YAML would silently keep only the last one",
                    "YAML 会悄悄地只保留最后一个"),
    "P009.too_many": _t("the document holds or expands to more than {limit:,} values",
                        "文档中的值（含别名展开后）超过 {limit:,} 个"),
    "P009.hint": _t("a plan has a few thousand; anchors and aliases (&x / *x) multiply the "
                    "document", "一个预案通常只有几千个值；锚点和别名 &x / *x 会成倍放大文档"),
    "P009.recursive": _t("an alias (*x) repeats a list or mapping that contains it, so it "
                         "would expand without end",
                         "别名（*x）引用了包含它自身的列表或映射，会无限展开"),
    "P010.too_deep": _t("nesting deeper than {depth} levels", "嵌套超过 {depth} 层"),
    "P010.brackets": _t("brackets nested deeper than {depth} levels", "括号嵌套超过 {depth} 层"),
    "P011.not_mapping": _t("the file holds {kind}; a plan is a mapping of fields "
                           "(format:, id:, …)",
                           "文件内容是{kind}；预案应当由 '字段: 值' 组成（format:、id: …）"),
    "P012.missing": _t("missing 'format: 1' at the top of the plan",
                       "预案开头缺少 'format: 1'"),
    "P012.missing.hint": _t("the first field of every plan is its format version",
                            "每个预案的第一个字段都是格式版本"),
    "P012.not_number": _t("format '{version}' is not a version number",
                          "格式版本 '{version}' 不是版本号"),
    "P012.too_new": _t("plan is written in format {number}; this console reads formats up to "
                       "{supported}",
                       "该预案使用格式 {number}，本控制台最高只能读取格式 {supported}"),
    "P012.too_new.hint": _t("update Contingency Console", "请升级应急预案演练控制台"),
    "P012.no_such": _t("format {number} does not exist", "不存在格式 {number}"),
    "P013.key": _t("a key must be plain text, not a list or mapping",
                   "键只能是普通文字，不能是列表或映射"),
    "P014.tag": _t("tag '{tag}' is not allowed in a plan", "预案中不允许使用标签 '{tag}'"),
    # -- structure (loader.py, from the model's validation) -------------------------------
    "P101.unknown": _t("unknown field '{field}' in {owner}{dym}",
                       "{owner} 中有未知字段 '{field}'{dym}"),
    "P101.unknown_top": _t("unknown field '{field}' in the plan{dym}",
                           "预案中有未知字段 '{field}'{dym}"),
    "P101.known": _t("known fields: {fields}", "可用的字段：{fields}"),
    "P102.missing": _t("{where} is missing the field '{field}'", "{where} 缺少字段 '{field}'"),
    "P102.missing_top": _t("the plan is missing the field '{field}'", "预案缺少字段 '{field}'"),
    "P103.enum": _t("{label}: '{value}' is not allowed; expected one of {expected}",
                    "{label}：不能取 '{value}'，应为以下之一：{expected}"),
    "P103.invalid": _t("{label}: {detail}{got}", "{label}：{detail}{got}"),
    "P105.invalid": _t("{label}: '{value}' is not a valid id", "{label}：'{value}' 不是有效的 id"),
    "P105.hint": _t("ids use lower-case letters, digits and _ and start with a letter; put "
                    "Chinese names in title",
                    "id 只能用小写英文字母、数字和 _，并以字母开头；中文名称请写在 title 中"),
    # what a value should be (the model's checks, pydantic's error types)
    "value.text": _t("Input should be a valid string", "应为文字"),
    "value.too_long": _t("String should have at most {max_length} characters",
                         "文字不能超过 {max_length} 个字符"),
    "value.empty": _t("String should have at least {min_length} character",
                      "不能为空，至少要有 {min_length} 个字符"),
    "value.mapping": _t("Input should be a mapping of fields", "应为 '字段: 值' 的映射"),
    "value.list": _t("Input should be a valid list", "应为列表"),
    "value.too_few": _t("should have at least {min_length} item(s), not {actual}",
                        "至少要有 {min_length} 项，实际为 {actual} 项"),
    "value.date": _t("Input should be a valid date (YYYY-MM-DD)",
                     "应为有效日期（YYYY-MM-DD，如 2026-03-01）"),
    "value.bool": _t("Input should be a valid boolean (true or false)", "应为 true 或 false"),
    "value.number": _t("Input should be a valid number", "应为数字"),
    "value.integer": _t("Input should be a valid integer", "应为整数"),
    "value.ge": _t("Input should be greater than or equal to {limit}", "不能小于 {limit}"),
    "value.le": _t("Input should be less than or equal to {limit}", "不能大于 {limit}"),
    "value.gt": _t("Input should be greater than {limit}", "必须大于 {limit}"),
    "value.lt": _t("Input should be less than {limit}", "必须小于 {limit}"),
    "value.invalid": _t("{detail}", "取值无效（{detail}）"),
    "value.at_least_or_is": _t("give exactly one of 'at_least' or 'is'",
                               "'at_least' 和 'is' 必须写一个，且只能写一个"),
    "value.selector_empty": _t("say at least one of unit, village, grid, tags or post",
                               "unit、village、grid、tags、post 至少要写一项"),
    "value.review_cycle": _t("'{text}' is not a review cycle: write e.g. 3y or 6mo",
                             "'{text}' 不是修订周期：请写成 3y（3年）、6mo（6个月）这样的形式"),
    "duration.not_duration": _t("'{text}' is not a duration: write e.g. 30s, 5m, 1h30m or PT5M",
                                "'{text}' 不是时长：请写成 30s、5m、1h30m 或 PT5M 这样的形式"),
    "duration.bare_number": _t("a bare number is ambiguous: write {value}m or {value}s",
                               "只写数字意思不明确：请写成 {value}m（分钟）或 {value}s（秒）"),
    "duration.expected": _t("expected a duration such as 30s, 5m or 1h30m, got {value}",
                            "应为时长，例如 30s、5m 或 1h30m，实际为 {value}"),
    "duration.too_long": _t("'{text}' is longer than {years} years",
                            "'{text}' 超过了 {years} 年"),
    "duration.order": _t("needs min ≤ likely ≤ max",
                         "须满足 min ≤ likely ≤ max（最短 ≤ 最可能 ≤ 最长）"),
    "level.unknown": _t("'{text}' is not a response level: use IV, III, II or I (or Ⅳ Ⅲ Ⅱ Ⅰ)",
                        "'{text}' 不是响应级别：请用 IV、III、II、I（或 Ⅳ Ⅲ Ⅱ Ⅰ）"),
    "level.twice": _t("level {level} is written twice ('{first}' and '{second}')",
                      "级别 {level} 写了两次（'{first}' 和 '{second}'）"),
    "level.step_none": _t("a step must apply at one level at least",
                          "步骤至少要适用于一个响应级别"),
    # -- references and graph (lint.py) ----------------------------------------------------
    "P201.after": _t("step '{step}' comes after unknown step '{ref}'{dym}",
                     "步骤 '{step}' 排在未知步骤 '{ref}' 之后{dym}"),
    "P201.next": _t("outcome '{outcome}' of step '{step}' leads to unknown step '{ref}'{dym}",
                    "步骤 '{step}' 的分支结果 '{outcome}' 指向未知步骤 '{ref}'{dym}"),
    "P201.target_from": _t("target '{target}' is measured from unknown step '{ref}'{dym}",
                           "目标 '{target}' 从未知步骤 '{ref}' 开始计时{dym}"),
    "P202.role": _t("step '{step}' is done by unknown role '{ref}'{dym}",
                    "步骤 '{step}' 由未知角色 '{ref}' 执行{dym}"),
    "P202.mobilises": _t("step '{step}' mobilises unknown role '{ref}'{dym}",
                         "步骤 '{step}' 召集了未知角色 '{ref}'{dym}"),
    "P202.backup": _t("role '{role}' has unknown backup '{ref}'{dym}",
                      "角色 '{role}' 的备岗是未知角色 '{ref}'{dym}"),
    "P203.target": _t("step '{step}' must meet unknown target '{ref}'{dym}",
                      "步骤 '{step}' 要达成的目标 '{ref}' 不存在{dym}"),
    "P203.hint": _t("targets: {targets}", "已有的目标：{targets}"),
    "P203.none": _t("none defined", "尚未定义"),
    "P204.step": _t("step '{step}' is at unknown assembly point '{ref}'{dym}",
                    "步骤 '{step}' 的地点是未知集结点 '{ref}'{dym}"),
    "P204.role": _t("role '{role}' assembles at unknown assembly point '{ref}'{dym}",
                    "角色 '{role}' 的集结点 '{ref}' 不存在{dym}"),
    "P204.hint": _t("declare it under assembly_points, or use one of {anchors}",
                    "请在 assembly_points 下声明它，或改用 {anchors} 之一"),
    "P205.cycle": _t("steps form a cycle: {cycle}", "步骤形成了循环：{cycle}"),
    "P205.hint": _t("a step cannot (indirectly) come after itself",
                    "一个步骤不能直接或间接地排在自己之后"),
    "P206.unreachable": _t("step '{step}' applies at level {level}, but {preds} (which it comes "
                           "after) does not",
                           "步骤 '{step}' 适用于 {level}级，但它的前序步骤 {preds} 不适用于该级别"),
    "P206.hint": _t("align the steps' levels", "请让这些步骤的 levels 保持一致"),
    "P207.no_steps": _t("no step applies at level {level}", "没有任何步骤适用于 {level}级"),
    "P208.shrinks": _t("role '{role}' needs {low_count} at level {low} but only {high_count} at "
                       "the higher level {high}",
                       "角色 '{role}' 在 {low}级需要 {low_count} 人，在更高的 {high}级却只需要 "
                       "{high_count} 人"),
    "P209.sum": _t("the outcomes of step '{step}' have probabilities that sum to {total:g}, not 1",
                   "步骤 '{step}' 各分支结果的概率之和是 {total:g}，不是 1"),
    "P210.tight": _t("target '{target}' ({within}) cannot be met by step '{step}' at level "
                     "{level}: the shortest path takes {earliest}",
                     "{level}级时步骤 '{step}' 无法达成目标 '{target}'（{within}）："
                     "最短路径也要 {earliest}"),
    "P210.hint": _t("shorten the steps before it, or revise the target",
                    "请缩短它之前的步骤，或修改目标"),
    "P211.no_command": _t("no role commands the response", "没有负责指挥的角色"),
    "P211.hint": _t("mark the commanding role with 'command: true'",
                    "请给负责指挥的角色加上 'command: true'"),
    "P212.no_feedback": _t("no step closes the loop with stage: feedback",
                           "没有 stage: feedback 的步骤来完成闭环"),
    "P212.hint": _t("the loop closes when the result is reported back",
                    "处置结果反馈回来，才算闭环"),
    "P213.unused": _t("target '{target}' is not attached to any step",
                      "目标 '{target}' 没有关联到任何步骤"),
    "P213.hint": _t("add 'target: {target}' to the step that must meet it",
                    "请在需要达成它的步骤中加上 'target: {target}'"),
    "P214.unused": _t("role '{role}' is not used by any step, mobilisation or backup chain",
                      "角色 '{role}' 没有被任何步骤、召集或备岗使用"),
    "P215.two": _t("step '{step}' is reached by outcome '{by_step}' / '{by_outcome}' and also "
                   "by '{first}'",
                   "步骤 '{step}' 既由分支 '{by_step}' / '{by_outcome}' 到达，"
                   "又由 '{first}' 到达"),
    "P215.hint": _t("give each outcome its own steps and join them with after: {{any: [...]}}",
                    "请为每个分支结果设置各自的步骤，再用 after: {{any: [...]}} 汇合"),
    "P216.loop": _t("backup chain loops: {cycle}", "备岗链形成了循环：{cycle}"),
    "P217.missing": _t("response levels {levels} are not defined",
                       "响应级别 {levels} 没有定义"),
    "P217.hint": _t("a plan defines all four levels Ⅳ Ⅲ Ⅱ Ⅰ",
                    "预案要定义全部四个级别 Ⅳ Ⅲ Ⅱ Ⅰ"),
    "P218.colour": _t("level {level} is {color}; the national convention is {expected}",
                      "{level}级的颜色是 {color}，按国家惯例应为 {expected}"),
    "P219.later": _t("step '{step}' needs role '{role}', which is mobilised by '{caller}', a step "
                     "that does not come before '{step}'",
                     "步骤 '{step}' 需要角色 '{role}'，但召集该角色的步骤 '{caller}' "
                     "并不在 '{step}' 之前"),
    "P219.hint": _t("add '{caller}' to the after: of '{step}'",
                    "请把 '{caller}' 加到 '{step}' 的 after: 中"),
    "P220.own": _t("step '{step}' applies at level {level}, but its headcount there is 0",
                   "步骤 '{step}' 适用于 {level}级，但它在该级别的人数（headcount）为 0"),
    "P220.role": _t("step '{step}' applies at level {level}, but role '{role}' needs nobody there",
                    "步骤 '{step}' 适用于 {level}级，但角色 '{role}' 在该级别的人数为 0"),
    "P220.hint.own": _t("give the step a headcount at {key}, or limit the step's levels",
                        "请为该步骤设置 {key} 级的 headcount，或缩小该步骤的 levels"),
    "P220.hint.role": _t("give '{role}' a count at {key}, or limit the step's levels",
                         "请为 '{role}' 设置 {key} 级的 count，或缩小该步骤的 levels"),
    "P221.exceeds": _t("step '{step}' needs {need} people at level {level}; role '{role}' has "
                       "only {have}",
                       "步骤 '{step}' 在 {level}级需要 {need} 人，而角色 '{role}' 只有 {have} 人"),
    "P222.falls": _t("trigger '{metric}' is {high_value:g} at level {high} but {low_value:g} "
                     "at the lower level {low}",
                     "启动条件 '{metric}' 在 {high}级的阈值是 {high_value:g}，"
                     "反而低于较低的 {low}级（{low_value:g}）"),
    "P223.present": _t("step '{step}' waits for {present} people but needs only {need} at level "
                       "{level}",
                       "步骤 '{step}' 要等 {present} 人到场，但在 {level}级只需要 {need} 人"),
    "P223.hint": _t("min_present is at most the step's headcount",
                    "min_present 不能超过该步骤的人数"),
    "P224.waves": _t("role '{role}' is called in waves but says no wave_size",
                     "角色 '{role}' 分批召集，但没有写每批人数 wave_size"),
    "P224.hint": _t("add wave_size (and wave_every), or use mode: parallel",
                    "请加上 wave_size 和 wave_every，或改用 mode: parallel"),
    "P225.no_role": _t("travel step '{step}' has no role: nobody or nowhere to travel",
                       "出行步骤 '{step}' 没有 role：不知道谁去"),
    "P225.no_place": _t("travel step '{step}' has no place (at:): nobody or nowhere to travel",
                        "出行步骤 '{step}' 没有地点（at:）：不知道去哪里"),
    "P225.hint": _t("a travel step moves its role's people to its 'at'",
                    "出行步骤把该角色的人员送到它的 'at' 地点"),
    **{key: _t(en.replace("{", "{{").replace("}", "}}"), zh.replace("{", "{{").replace("}", "}}"))
       for en, (key, zh) in YAML_PROBLEMS.items()},
    # -- the command line ------------------------------------------------------------------
    "cli.checked": _t("{files} file(s) checked: {errors} error(s), {warnings} warning(s)",
                      "已检查 {files} 个文件：错误 {errors} 项，警告 {warnings} 项"),
}

#: The rules' summaries in Chinese; the English ones are ``RULES[code].summary``.
RULE_SUMMARIES_ZH: dict[str, str] = {
    "P001": "无法读取文件",
    "P002": "文件太大",
    "P003": "文件是空的",
    "P004": "不是文本文件",
    "P005": "文件不是 UTF-8 编码（已按 GB18030 读取）",
    "P006": "YAML 语法错误",
    "P007": "用制表符（Tab）缩进",
    "P008": "键重复",
    "P009": "别名太多（超出别名展开上限）",
    "P010": "嵌套太深",
    "P011": "预案必须是 '字段: 值' 的映射",
    "P012": "不支持的格式版本",
    "P013": "键必须是普通文字",
    "P014": "不允许使用 YAML 标签",
    "P101": "未知字段",
    "P102": "缺少字段",
    "P103": "取值无效",
    "P104": "时长无效",
    "P105": "id 无效",
    "P106": "响应级别无效",
    "P201": "未知步骤",
    "P202": "未知角色",
    "P203": "未知目标",
    "P204": "未知集结点",
    "P205": "步骤形成循环",
    "P206": "步骤在某级别无法到达",
    "P207": "某级别没有步骤",
    "P208": "级别升高时人数反而减少",
    "P209": "分支概率之和不为 1",
    "P210": "目标即使走最短路径也无法达成",
    "P211": "没有指挥角色",
    "P212": "没有反馈步骤",
    "P213": "目标未关联任何步骤",
    "P214": "角色未被使用",
    "P215": "步骤被多个分支结果指向",
    "P216": "备岗链形成循环",
    "P217": "响应级别不全",
    "P218": "级别颜色不符合国家惯例",
    "P219": "步骤需要的人员召集得太晚",
    "P220": "步骤需要的角色在某级别没有人",
    "P221": "步骤人数超过角色人数",
    "P222": "启动条件阈值没有随级别升高",
    "P223": "步骤要求到场的人数多于其人数",
    "P224": "分批召集却没有每批人数",
    "P225": "出行步骤没有人员或地点",
}
