<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Channel</name>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>WeChat group</source>
        <translation>微信群</translation>
    </message>
    <message>
        <source>Radio</source>
        <translation>对讲机</translation>
    </message>
    <message>
        <source>Emergency broadcast</source>
        <translation>应急广播</translation>
    </message>
</context>
<context>
    <name>DiffPane</name>
    <message>
        <source>⋯ %1 more lines: copy the unified diff to see them all ⋯</source>
        <extracomment>The editor&apos;s text, in place of a revision number.</extracomment>
        <translation>⋯ 另有 %1 行未显示：复制统一格式差异可查看全部 ⋯</translation>
    </message>
    <message>
        <source>⋯ unchanged lines ⋯</source>
        <translation>⋯ 未改动的行 ⋯</translation>
    </message>
    <message>
        <source>The revision cannot be shown: %1</source>
        <translation>无法显示该版本：%1</translation>
    </message>
    <message>
        <source>%1 lines added, %2 removed</source>
        <translation>新增 %1 行，删除 %2 行</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>没有差异。</translation>
    </message>
    <message>
        <source>The differences could not be computed:
%1</source>
        <translation>无法计算差异：
%1</translation>
    </message>
</context>
<context>
    <name>DrillListModel</name>
    <message>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Close-loop time</source>
        <translation>闭环用时</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标达成</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>%1 (real response)</source>
        <translation>%1（真实响应）</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>cannot be measured</source>
        <translation>无法计算</translation>
    </message>
    <message>
        <source>no targets</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>%1 met · %2 missed · %3 pending</source>
        <translation>达成 %1 · 未达成 %2 · 待完成 %3</translation>
    </message>
    <message>
        <source>%1 met · %2 missed</source>
        <translation>达成 %1 · 未达成 %2</translation>
    </message>
</context>
<context>
    <name>Hazard</name>
    <message>
        <source>Flood and drought</source>
        <translation>防汛抗旱</translation>
    </message>
    <message>
        <source>Forest fire</source>
        <translation>森林防火</translation>
    </message>
    <message>
        <source>Petitions</source>
        <translation>信访受理</translation>
    </message>
    <message>
        <source>Geological hazard</source>
        <translation>地质灾害</translation>
    </message>
    <message>
        <source>Snow, ice and cold</source>
        <translation>低温雨雪冰冻</translation>
    </message>
    <message>
        <source>Earthquake</source>
        <translation>地震</translation>
    </message>
    <message>
        <source>Public health emergency</source>
        <translation>突发公共卫生事件</translation>
    </message>
    <message>
        <source>Work safety</source>
        <translation>安全生产</translation>
    </message>
    <message>
        <source>Road traffic</source>
        <translation>道路交通</translation>
    </message>
    <message>
        <source>Hazardous chemicals</source>
        <translation>危险化学品</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>in use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>people unchanged</source>
        <translation>人员无变化</translation>
    </message>
    <message>
        <source>added %1 · changed %2 · removed %3</source>
        <translation>新增 %1 · 变更 %2 · 删除 %3</translation>
    </message>
    <message>
        <source>Roster import history</source>
        <translation>花名册导入记录</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>Imported by</source>
        <translation>导入人</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256 校验值</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The import history cannot be read: %1</source>
        <translation>无法读取导入记录：%1</translation>
    </message>
    <message>
        <source>Reading the import history…</source>
        <translation>正在读取导入记录…</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>No imports yet: the demo roster (演示数据 DEMO DATA) is in use. Import the township&apos;s roster with Import ▸ Roster…</source>
        <translation>尚无导入记录，正在使用演示花名册（演示数据 DEMO DATA）。请用“导入 ▸ 花名册…”导入本镇花名册。</translation>
    </message>
    <message>
        <source>%1 import(s); in use: #%2 (%3, %4 people).</source>
        <translation>共 %1 次导入；在用的是 #%2（%3，%4 人）。</translation>
    </message>
</context>
<context>
    <name>Lane</name>
    <message>
        <source>District (city)</source>
        <translation>区(市)</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇</translation>
    </message>
    <message>
        <source>Village (community)</source>
        <translation>村(社区)</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Plans</source>
        <translation>预案</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Contingency Console</source>
        <translation>应急预案演练控制台</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Name recorded with saved plan revisions and approvals
(leave empty to use the login name):</source>
        <translation>保存预案修订和审批时记录的姓名
（留空则使用登录名）：</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言 Language</translation>
    </message>
    <message>
        <source>Open plan file…</source>
        <translation>打开预案文件…</translation>
    </message>
    <message>
        <source>Reload plans</source>
        <translation>重新加载预案</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>About Contingency Console</source>
        <translation>关于应急预案演练控制台</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>关于 Qt</translation>
    </message>
    <message>
        <source>Your name…</source>
        <translation>您的姓名…</translation>
    </message>
    <message>
        <source>Available in a later version</source>
        <translation>在后续版本中提供</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Plan has errors</source>
        <translation>预案有错误</translation>
    </message>
    <message>
        <source>%1 cannot be shown until its errors are fixed:

%2</source>
        <translation>%1 有错误，修正后才能显示：

%2</translation>
    </message>
    <message>
        <source>Something went wrong:
%1</source>
        <translation>出现错误：
%1</translation>
    </message>
    <message>
        <source>Open plan file</source>
        <translation>打开预案文件</translation>
    </message>
    <message>
        <source>Plans (*.yaml *.yml)</source>
        <translation>预案文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Loading plans…</source>
        <translation>正在加载预案…</translation>
    </message>
    <message>
        <source>Plans: %1 · with errors: %2 · with warnings: %3</source>
        <translation>预案 %1 个 · 有错误 %2 个 · 有警告 %3 个</translation>
    </message>
    <message>
        <source>Contingency Console %1

Digital contingency plans, drills and one-click mobilisation for the Heixi town governance command centre.</source>
        <translation>应急预案演练控制台 %1

为黑溪镇基层治理指挥中心提供数字预案、应急演练和一键调度。</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>The plan could not be checked:
%1</source>
        <translation>无法检查预案：
%1</translation>
    </message>
    <message>
        <source>The graph is shown once the plan has no errors.</source>
        <translation>预案没有错误后才显示流程图。</translation>
    </message>
    <message>
        <source>The plan has errors: the graph shows the last version without errors.</source>
        <translation>预案有错误：流程图显示的是最近一个没有错误的版本。</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Problems: %1 errors, %2 warnings</source>
        <translation>问题：%1 个错误，%2 个警告</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Changes to %1</source>
        <translation>%1 的改动</translation>
    </message>
    <message>
        <source>No changes since the previous version.</source>
        <translation>与上一版本相比没有改动。</translation>
    </message>
    <message>
        <source>%1 (on disk)</source>
        <extracomment>Changes on disk come in bursts (an atomic replace is a create and a rename): the file is looked at once they have settled.</extracomment>
        <translation>%1（磁盘上）</translation>
    </message>
    <message>
        <source>%1 (editor)</source>
        <translation>%1（编辑器）</translation>
    </message>
    <message>
        <source>%1: on disk and in the editor</source>
        <translation>%1：磁盘上的文件与编辑器中的文本</translation>
    </message>
    <message>
        <source>From the file on disk to the editor&apos;s text</source>
        <translation>从磁盘上的文件到编辑器中的文本</translation>
    </message>
    <message>
        <source>%1 was changed on disk and has been reloaded.</source>
        <translation>%1 已在磁盘上被修改，已重新载入。</translation>
    </message>
    <message>
        <source>%1 was changed on disk by another program, and the editor has unsaved changes.</source>
        <translation>%1 已被其他程序在磁盘上修改，而编辑器中有未保存的修改。</translation>
    </message>
    <message>
        <source>Reload (discard mine)</source>
        <translation>重新载入（放弃我的修改）</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的修改</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>%1 was deleted on disk. Saving creates it again.</source>
        <translation>%1 已在磁盘上被删除。保存将重新创建该文件。</translation>
    </message>
    <message>
        <source>%1 cannot be read:
%2</source>
        <translation>无法读取 %1：
%2</translation>
    </message>
    <message>
        <source>Status change recorded in the revision history: %1 → %2, %3, %4</source>
        <translation>状态变更已记入修订记录：%1 → %2，%3，%4</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The plan was saved, but its revision could not be recorded: %1</source>
        <translation>预案已保存，但未能记入修订记录：%1</translation>
    </message>
    <message>
        <source>Save with a note</source>
        <translation>保存并附说明</translation>
    </message>
    <message>
        <source>A short note for the revision history:</source>
        <translation>为本次修订写一句简短说明：</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>文件已在磁盘上被修改</translation>
    </message>
    <message>
        <source>%1 was changed by another program since you opened it.</source>
        <translation>自您打开 %1 以来，它已被其他程序修改。</translation>
    </message>
    <message>
        <source>Reload from disk</source>
        <translation>从磁盘重新载入</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Plan editor</source>
        <translation>预案编辑器</translation>
    </message>
    <message>
        <source>The plan could not be saved:
%1</source>
        <translation>无法保存预案：
%1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>是否保存对 %1 的修改？</translation>
    </message>
    <message>
        <source>Plan library</source>
        <translation>预案库</translation>
    </message>
    <message>
        <source>Leave the editor</source>
        <translation>离开编辑器</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the plan (the previous version is kept)</source>
        <translation>保存预案（保留上一版本）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Mark the plan draft, reviewed or approved (approving records who and when)</source>
        <translation>将预案标记为草稿、已审核或已批准（批准时记录批准人和日期）</translation>
    </message>
    <message>
        <source>Save with a note…</source>
        <translation>保存并附说明…</translation>
    </message>
    <message>
        <source>Save, with a short note for the revision history</source>
        <translation>保存，并为修订记录附一句简短说明</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>修订记录</translation>
    </message>
    <message>
        <source>Every saved version: who saved it, when, status changes; compare any two or restore one (Ctrl+H)</source>
        <translation>每次保存的版本：谁、何时保存，状态变更；可比较任意两个版本或恢复其中一个（Ctrl+H）</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>Compare the text with the previous saved version (file~)</source>
        <translation>将文本与上一个保存的版本（文件~）比较</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Line:column</source>
        <translation>行:列</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>PlanLibrary</name>
    <message>
        <source>Plan library</source>
        <translation>预案库</translation>
    </message>
    <message>
        <source>The plans could not be listed:
%1</source>
        <translation>无法列出预案：
%1</translation>
    </message>
    <message>
        <source>The plan could not be written:
%1</source>
        <translation>无法写入预案：
%1</translation>
    </message>
    <message>
        <source>Add a plan folder</source>
        <translation>添加预案文件夹</translation>
    </message>
    <message>
        <source>Select a plan to see its problems.</source>
        <translation>选择一个预案，在此查看其问题。</translation>
    </message>
    <message>
        <source>Problems in %1</source>
        <translation>%1 中的问题</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show the selected plan&apos;s graph</source>
        <translation>显示所选预案的流程图</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit the selected plan&apos;s text</source>
        <translation>编辑所选预案的文本</translation>
    </message>
    <message>
        <source>New from template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>Start a new plan in your plans folder</source>
        <translation>在您的预案文件夹中新建预案</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected plan into your plans folder under a new id</source>
        <translation>将所选预案以新编号复制到您的预案文件夹</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Open the folder that holds the selected plan</source>
        <translation>打开所选预案所在的文件夹</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>List the plans of another folder too</source>
        <translation>同时列出其他文件夹中的预案</translation>
    </message>
</context>
<context>
    <name>PlanLibraryModel</name>
    <message>
        <source>Hazard</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>预案名称</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤数</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>errors: %1</source>
        <translation>错误 %1 个</translation>
    </message>
    <message>
        <source>warnings: %1</source>
        <translation>警告 %1 个</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>Plan library</source>
        <translation>预案库</translation>
    </message>
    <message>
        <source>Back to the plan library</source>
        <translation>返回预案库</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit this plan&apos;s text</source>
        <translation>编辑本预案的文本</translation>
    </message>
    <message>
        <source>Response level:</source>
        <translation>响应级别：</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>着色：</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>处置环节</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>板块</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>岗位与人员</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>时间目标</translation>
    </message>
    <message>
        <source>Show other levels&apos; steps</source>
        <translation>显示其他级别的步骤</translation>
    </message>
    <message>
        <source>Draw the steps of every level, greyed where they do not apply</source>
        <translation>显示所有级别的步骤，本级不适用的以灰色显示</translation>
    </message>
    <message>
        <source>No stage</source>
        <translation>未标环节</translation>
    </message>
    <message>
        <source>Outside bodies</source>
        <translation>外部力量</translation>
    </message>
    <message>
        <source>Board the people come from</source>
        <translation>人员所属板块</translation>
    </message>
    <message>
        <source>after all of</source>
        <translation>全部完成后</translation>
    </message>
    <message>
        <source>after any of</source>
        <translation>任一完成后</translation>
    </message>
    <message>
        <source>decision outcome</source>
        <translation>研判分支</translation>
    </message>
    <message>
        <source>critical path</source>
        <translation>关键路径</translation>
    </message>
    <message>
        <source>Expected critical path: %1</source>
        <translation>预期关键路径：%1</translation>
    </message>
    <message>
        <source>not at this level</source>
        <translation>本级不适用</translation>
    </message>
    <message>
        <source>outside body</source>
        <translation>外部力量</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Something went wrong: %1</source>
        <extracomment>The command that records a drill, for the empty page. The window&apos;s settings (shared, so that saving them at exit keeps the folder).</extracomment>
        <translation>出现问题：%1</translation>
    </message>
    <message>
        <source>Reading the drill&apos;s timeline…</source>
        <translation>正在读取演练时间线…</translation>
    </message>
    <message>
        <source>The summary cannot be shown: %1</source>
        <translation>无法显示概要：%1</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>%1 after-action report</source>
        <translation>%1演练评估报告</translation>
    </message>
    <message>
        <source>Export the after-action report</source>
        <translation>导出演练评估报告</translation>
    </message>
    <message>
        <source>Writing the report (%1)…</source>
        <translation>正在生成报告（%1）…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The report could not be written:
%1</source>
        <translation>无法写入报告：
%1</translation>
    </message>
    <message>
        <source>Check that the folder exists, that you may write there and that the disk is not full, then try again.</source>
        <translation>请检查文件夹是否存在、是否有写入权限、磁盘是否已满，然后重试。</translation>
    </message>
    <message>
        <source>Report exported</source>
        <translation>报告已导出</translation>
    </message>
    <message>
        <source>The after-action report was written to
%1</source>
        <translation>演练评估报告已保存到
%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Reading the drill records…</source>
        <translation>正在读取演练记录…</translation>
    </message>
    <message>
        <source>%1 drill(s) recorded</source>
        <translation>共 %1 次演练记录</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the drill records again (Ctrl+Shift+R)</source>
        <translation>重新读取演练记录（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Export Word…</source>
        <translation>导出 Word…</translation>
    </message>
    <message>
        <source>Export the after-action report as a Word document (.docx)</source>
        <translation>将演练评估报告导出为 Word 文档（.docx）</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export the after-action report as PDF</source>
        <translation>将演练评估报告导出为 PDF</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <source>Export the after-action report as a web page (.html)</source>
        <translation>将演练评估报告导出为网页（.html）</translation>
    </message>
    <message>
        <source>the default database</source>
        <translation>默认数据库</translation>
    </message>
    <message>
        <source>No drills recorded yet.

A drill is recorded in the database as it runs, for example from the command line:

%1

Then choose Refresh.

Database: %2</source>
        <translation>还没有演练记录。

演练在运行时记录到数据库中，例如在命令行运行：

%1

然后点击“刷新”。

数据库：%2</translation>
    </message>
    <message>
        <source>The drill records cannot be read.

%1

Database: %2

Nothing was changed in it. Fix the problem (or set CONSOLE_DB_URL to another database), then choose Refresh.</source>
        <translation>无法读取演练记录。

%1

数据库：%2

数据库未作任何改动。请排除问题（或用 CONSOLE_DB_URL 指定其他数据库），然后点击“刷新”。</translation>
    </message>
</context>
<context>
    <name>RevisionDialog</name>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>The text in the editor (not saved)</source>
        <translation>编辑器中的文本（未保存）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The backup (file~) found when the history began</source>
        <translation>开始记录时找到的备份（file~）</translation>
    </message>
    <message>
        <source>The file before its first recorded save</source>
        <translation>首次记录保存之前的文件</translation>
    </message>
    <message>
        <source>%1 → %2, %3, %4</source>
        <translation>%1 → %2，%3，%4</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 (editor)</source>
        <translation>%1（编辑器）</translation>
    </message>
    <message>
        <source>the editor&apos;s text</source>
        <translation>编辑器中的文本</translation>
    </message>
    <message>
        <source>revision %1 (%2, %3)</source>
        <translation>版本 %1（%2，%3）</translation>
    </message>
    <message>
        <source>No revisions yet: saving the plan records one.</source>
        <translation>还没有修订记录：保存预案即会记录一个版本。</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>从%1到%2</translation>
    </message>
    <message>
        <source>The revision cannot be shown: %1</source>
        <translation>无法显示该版本：%1</translation>
    </message>
    <message>
        <source>Revisions of %1</source>
        <translation>%1 的修订记录</translation>
    </message>
    <message>
        <source>Choose one revision to compare it with the editor&apos;s text, or two (Ctrl+click) to compare them. Status changes are highlighted.</source>
        <translation>选择一个版本与编辑器中的文本比较，或选择两个版本（Ctrl+单击）相互比较。状态变更以高亮显示。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Restore into the editor</source>
        <translation>恢复到编辑器</translation>
    </message>
    <message>
        <source>Replace the editor&apos;s text with this revision (can be undone; saved only when you save)</source>
        <translation>用此版本替换编辑器中的文本（可撤销；保存后才写入文件）</translation>
    </message>
    <message>
        <source>Copy as unified diff</source>
        <translation>复制为统一格式差异</translation>
    </message>
</context>
<context>
    <name>RolesModel</name>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>人员来源</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备岗</translation>
    </message>
    <message>
        <source>Acknowledge within</source>
        <translation>确认时限</translation>
    </message>
    <message>
        <source>Contacted by</source>
        <translation>通知方式</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>the incident&apos;s village</source>
        <translation>事发村(社区)</translation>
    </message>
    <message>
        <source>any village</source>
        <translation>任一村(社区)</translation>
    </message>
    <message>
        <source>village %1</source>
        <translation>村(社区)：%1</translation>
    </message>
    <message>
        <source>the incident&apos;s grid</source>
        <translation>事发网格</translation>
    </message>
    <message>
        <source>any grid</source>
        <translation>任一网格</translation>
    </message>
    <message>
        <source>grid %1</source>
        <translation>网格：%1</translation>
    </message>
    <message>
        <source>tagged %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>post %1</source>
        <translation>职务：%1</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>duty</source>
        <translation>值班</translation>
    </message>
    <message>
        <source>leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Import duty rota: %1</source>
        <translation>导入值班表：%1</translation>
    </message>
    <message>
        <source>Import roster: %1</source>
        <translation>导入花名册：%1</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>With a duty rota…</source>
        <translation>附带值班表…</translation>
    </message>
    <message>
        <source>Choose the duty rota (值班表) to import together with this roster</source>
        <translation>选择与此花名册一同导入的值班表</translation>
    </message>
    <message>
        <source>The roster in use is the demo roster. Import the township&apos;s roster first, then its duty rota; nothing was changed.</source>
        <translation>在用的是演示花名册。请先导入本镇花名册，再导入其值班表；未作任何更改。</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2 problem(s). Fix them in the file and import it again; nothing was changed.</source>
        <translation>%1 不能导入：%2 个问题。请在文件中改正后重新导入；未作任何更改。</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>the demo roster</source>
        <translation>演示花名册</translation>
    </message>
    <message>
        <source>the roster in use</source>
        <translation>当前花名册</translation>
    </message>
    <message>
        <source>%1: %2 people, all rows valid. Compared with %3: added %4 · changed %5 · removed %6 · unchanged %7. Apply replaces the roster in use.</source>
        <translation>%1：%2 人，检查通过。与%3对比：新增 %4 · 变更 %5 · 删除 %6 · 未变 %7。点击“应用”将替换当前花名册。</translation>
    </message>
    <message>
        <source>Duty rota: %1 → %2 entries.</source>
        <translation>值班表：%1 → %2 条。</translation>
    </message>
    <message>
        <source>The demo rota is not carried over; add the township&apos;s with “With a duty rota…” or import it later.</source>
        <translation>演示值班表不带入；可用“附带值班表…”一同导入本镇值班表，或稍后再导入。</translation>
    </message>
    <message>
        <source>%1 entries of removed people are dropped.</source>
        <translation>被删除人员的 %1 条不再保留。</translation>
    </message>
    <message>
        <source>Added (%1)</source>
        <translation>新增（%1）</translation>
    </message>
    <message>
        <source>Changed (%1)</source>
        <translation>变更（%1）</translation>
    </message>
    <message>
        <source>Removed (%1)</source>
        <translation>删除（%1）</translation>
    </message>
    <message>
        <source>%1: %2 duty/leave entries, all rows valid. Compared with the rota in use: added %3 · removed %4 · unchanged %5. Apply replaces the duty rota; the people stay as they are.</source>
        <translation>%1：值班/请假 %2 条，全部行有效。与在用值班表相比：新增 %3 · 删除 %4 · 未变 %5。应用后替换值班表，人员不变。</translation>
    </message>
    <message>
        <source>Rota entries added (%1)</source>
        <translation>新增值班（%1）</translation>
    </message>
    <message>
        <source>Rota entries removed (%1)</source>
        <translation>删除值班（%1）</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>提示（%1）</translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <source>Id</source>
        <extracomment>Column keys and their (untranslated) headers.</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Village/community</source>
        <translation>所在村/社区</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>当前可用性</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Off duty (can be recalled)</source>
        <translation>不在岗(可召回)</translation>
    </message>
    <message>
        <source>On leave / away</source>
        <translation>请假/外出</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Loading the roster…</source>
        <translation>正在加载花名册…</translation>
    </message>
    <message>
        <source>Showing %1 of %2 people</source>
        <translation>显示 %1 人，共 %2 人</translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <source>Rosters (*.xlsx *.csv)</source>
        <translation>花名册 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Import duty rota</source>
        <translation>导入值班表</translation>
    </message>
    <message>
        <source>Duty rotas (*.xlsx *.csv)</source>
        <translation>值班表 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Duty rota for this roster</source>
        <translation>与此花名册一同导入的值班表</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <source>Read the roster in use from the database again</source>
        <translation>从数据库重新读取在用的花名册</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import a roster or a duty rota from Excel (.xlsx) or CSV</source>
        <translation>从 Excel (.xlsx) 或 CSV 导入花名册或值班表</translation>
    </message>
    <message>
        <source>Roster…</source>
        <translation>花名册…</translation>
    </message>
    <message>
        <source>Duty rota…</source>
        <translation>值班表…</translation>
    </message>
    <message>
        <source>Import a duty rota (值班表) for the people of the roster in use</source>
        <translation>为在用花名册中的人员导入值班表</translation>
    </message>
    <message>
        <source>Import history…</source>
        <translation>导入记录…</translation>
    </message>
    <message>
        <source>Who imported which roster, and when</source>
        <translation>谁在何时导入了哪个花名册</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export the roster or the duty rota as Excel (.xlsx) or CSV</source>
        <translation>将花名册或值班表导出为 Excel (.xlsx) 或 CSV</translation>
    </message>
    <message>
        <source>Everyone…</source>
        <translation>全部人员…</translation>
    </message>
    <message>
        <source>Export the whole roster</source>
        <translation>导出整个花名册</translation>
    </message>
    <message>
        <source>Rows shown…</source>
        <translation>筛选出的人员…</translation>
    </message>
    <message>
        <source>Export the people the filters show, in the order shown</source>
        <translation>按当前显示的顺序导出筛选出的人员</translation>
    </message>
    <message>
        <source>Export the duty rota (值班表)</source>
        <translation>导出值班表</translation>
    </message>
    <message>
        <source>%1 — synthetic names, masked phone numbers. Import the township&apos;s roster with Import ▸ Roster…</source>
        <translation>%1 —— 姓名为虚构，手机号已脱敏。请用“导入 ▸ 花名册…”导入本镇花名册</translation>
    </message>
    <message>
        <source>Source: the demo roster — no roster imported yet in the database %1</source>
        <translation>来源：演示花名册 —— 数据库 %1 中尚无导入的花名册</translation>
    </message>
    <message>
        <source>Source: %1 (database %2)</source>
        <translation>来源：%1（数据库 %2）</translation>
    </message>
    <message>
        <source>Source: %1, imported %2 by %3 (import #%4) · %5 duty/leave entries · database %6</source>
        <translation>来源：%1，%2 由 %3 导入（导入记录 #%4）· 值班/请假 %5 条 · 数据库 %6</translation>
    </message>
    <message>
        <source>Imported %1: %2 people saved in the database (import #%3).</source>
        <translation>已导入 %1：%2 人已存入数据库（导入记录 #%3）。</translation>
    </message>
    <message>
        <source>Exported %1 duty/leave entries to %2</source>
        <translation>已将 %1 条值班/请假导出到 %2</translation>
    </message>
    <message>
        <source>Exported %1 people to %2</source>
        <translation>已将 %1 人导出到 %2</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The roster in use changed since the preview (another import came in between); nothing was imported. Import the file again to see the changes against the roster now in use.</source>
        <translation>预览之后在用的花名册已有变化（期间有另一次导入），未导入任何内容。请重新导入该文件，查看相对于现在在用花名册的变化。</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV 文件，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>roster.xlsx</source>
        <translation>花名册.xlsx</translation>
    </message>
    <message>
        <source>Export the rows shown</source>
        <translation>导出筛选出的人员</translation>
    </message>
    <message>
        <source>roster-selection.xlsx</source>
        <translation>花名册-筛选.xlsx</translation>
    </message>
    <message>
        <source>Export duty rota</source>
        <translation>导出值班表</translation>
    </message>
    <message>
        <source>duty-rota.xlsx</source>
        <translation>值班表.xlsx</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Import a roster from Excel (.xlsx) or CSV</source>
        <translation>从 Excel (.xlsx) 或 CSV 导入花名册</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>村/社区(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Skill:</source>
        <translation>技能(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Availability:</source>
        <translation>可用性(&amp;A)：</translation>
    </message>
    <message>
        <source>a&amp;t:</source>
        <translation>时间(&amp;T)：</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Availability at the present moment</source>
        <translation>按当前时刻显示可用性</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Report</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已废止</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>Id</source>
        <extracomment>The panel&apos;s fields, top to bottom; each value label is named ``step-&lt;field&gt;``.</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>After</source>
        <translation>前序步骤</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>研判分支</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>时间目标</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>适用级别</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Written at</source>
        <translation>源文件位置</translation>
    </message>
    <message>
        <source>Click a step in the graph to see its details here.</source>
        <translation>在流程图中点击一个步骤，在此查看详情。</translation>
    </message>
    <message>
        <source>any of: %1</source>
        <translation>任一：%1</translation>
    </message>
    <message>
        <source>not reached at this level</source>
        <translation>本级不经过</translation>
    </message>
    <message>
        <source>earliest %1, can be met</source>
        <translation>最早 %1，可达成</translation>
    </message>
    <message>
        <source>earliest %1, cannot be met</source>
        <translation>最早 %1，无法达成</translation>
    </message>
    <message>
        <source>all levels</source>
        <translation>所有级别</translation>
    </message>
    <message>
        <source>not at level %1</source>
        <translation>%1级不适用</translation>
    </message>
    <message>
        <source>an outside body</source>
        <translation>外部力量</translation>
    </message>
    <message>
        <source>%1 at level %2</source>
        <translation>%2级 %1 人</translation>
    </message>
    <message>
        <source>shortest %1, likeliest %2, longest %3</source>
        <translation>最短 %1，最可能 %2，最长 %3</translation>
    </message>
    <message>
        <source>the alert</source>
        <translation>预警发出后即开始</translation>
    </message>
    <message>
        <source>the incident site</source>
        <translation>事发地</translation>
    </message>
    <message>
        <source>the village committee</source>
        <translation>村委会</translation>
    </message>
    <message>
        <source>the command centre</source>
        <translation>指挥中心</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Select a drill to see its summary.</source>
        <translation>选择一次演练，查看其概要。</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>%1级</translation>
    </message>
    <message>
        <source>A recorded real response, not an exercise: it is never compared with drills.</source>
        <translation>这是记录的真实响应，不是演练：不与演练对比。</translation>
    </message>
    <message>
        <source>Run with the demo roster (演示数据 DEMO DATA).</source>
        <translation>使用演示人员名单（演示数据 DEMO DATA）。</translation>
    </message>
    <message>
        <source>The plan file has changed since the drill; the report uses the copy stored with the drill.</source>
        <translation>预案文件在演练后已变更；报告使用演练时存档的预案副本。</translation>
    </message>
    <message>
        <source>%1 (%2, version %3)</source>
        <translation>%1（%2，版本 %3）</translation>
    </message>
    <message>
        <source>cannot be measured: %1</source>
        <translation>无法计算：%1</translation>
    </message>
    <message>
        <source>%1 met · %2 missed (of %3)</source>
        <translation>达成 %1 · 未达成 %2（共 %3 项）</translation>
    </message>
    <message>
        <source>, %1 not reached yet</source>
        <translation>，尚有 %1 项未到达</translation>
    </message>
    <message>
        <source>no targets at this level</source>
        <translation>该级别没有目标</translation>
    </message>
    <message>
        <source>intact: %1 entries, hash chain verified (head %2…)</source>
        <translation>完整：%1 条记录，哈希链校验通过（末条哈希 %2…）</translation>
    </message>
    <message>
        <source>FAILED: %1</source>
        <translation>校验失败：%1</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>not reached yet</source>
        <translation>尚未到达</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>未到达</translation>
    </message>
    <message>
        <source>%1 early</source>
        <translation>提前 %1</translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <source>met</source>
        <translation>达成</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待完成</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未达成</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>No earlier finished drill of this plan to compare with.</source>
        <translation>本预案此前没有已结束的演练可供对比。</translation>
    </message>
    <message>
        <source>Compared with earlier drills of this plan (%1 earlier)</source>
        <translation>与本预案历次演练对比（此前 %1 次）</translation>
    </message>
    <message>
        <source>(this drill)</source>
        <translation>（本次）</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>↓ faster</source>
        <translation>↓ 加快</translation>
    </message>
    <message>
        <source>↑ slower</source>
        <translation>↑ 变慢</translation>
    </message>
    <message>
        <source>→ same</source>
        <translation>→ 持平</translation>
    </message>
    <message>
        <source>%1
Id %2 · scenario %3 · level %4 · run on %5</source>
        <translation>%1
编号 %2 · 情景时间 %3 · %4级 · 演练日期 %5</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>预案：</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <source>Scenario time:</source>
        <translation>情景时间：</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>Close-loop time:</source>
        <translation>闭环用时：</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>目标达成：</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation>时间线：</translation>
    </message>
    <message>
        <source>From the alert to the end of the response (drill time)</source>
        <translation>从预警到响应结束（演练时间）</translation>
    </message>
    <message>
        <source>When the feedback stage (反馈) finished, from the alert</source>
        <translation>反馈环节完成的时间，从预警起算</translation>
    </message>
</context>
<context>
    <name>Tag</name>
    <message>
        <source>Commander</source>
        <extracomment>The skills/tags of ``TAG_NAMES`` in English; the Chinese catalogue holds ``TAG_NAMES``&apos; own names (a test keeps them equal).</extracomment>
        <translation>指挥长</translation>
    </message>
    <message>
        <source>Deputy commander</source>
        <translation>副指挥长</translation>
    </message>
    <message>
        <source>Duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <source>Town emergency team</source>
        <translation>镇应急分队</translation>
    </message>
    <message>
        <source>Forest fire squad</source>
        <translation>森防应急小分队</translation>
    </message>
    <message>
        <source>Flood patrol</source>
        <translation>防汛巡查</translation>
    </message>
    <message>
        <source>Geological hazard monitor</source>
        <translation>地灾监测员</translation>
    </message>
    <message>
        <source>Grid leader</source>
        <translation>网格长</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Village cadre</source>
        <translation>村干部</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驾驶员</translation>
    </message>
    <message>
        <source>Medic</source>
        <translation>医护</translation>
    </message>
    <message>
        <source>Legal adviser</source>
        <translation>法律明白人</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Petition officer</source>
        <translation>信访专干</translation>
    </message>
    <message>
        <source>Police liaison</source>
        <translation>警务联络</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>宣传报道</translation>
    </message>
    <message>
        <source>Relief officer</source>
        <translation>救灾救助</translation>
    </message>
    <message>
        <source>Forestry officer</source>
        <translation>林业员</translation>
    </message>
    <message>
        <source>Water officer</source>
        <translation>水利员</translation>
    </message>
    <message>
        <source>Electrician</source>
        <translation>电工</translation>
    </message>
    <message>
        <source>Road clearing crew</source>
        <translation>道路抢通</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>计时方式</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Earliest</source>
        <translation>最早可达</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>the alert</source>
        <translation>预警发出</translation>
    </message>
    <message>
        <source>from %1 to the step&apos;s start</source>
        <translation>自%1起至该步骤开始</translation>
    </message>
    <message>
        <source>from %1 to the step&apos;s finish</source>
        <translation>自%1起至该步骤完成</translation>
    </message>
    <message>
        <source>no step at this level</source>
        <translation>本级无对应步骤</translation>
    </message>
    <message>
        <source>not reached at this level</source>
        <translation>本级不经过</translation>
    </message>
    <message>
        <source>can be met</source>
        <translation>可达成</translation>
    </message>
    <message>
        <source>cannot be met</source>
        <translation>无法达成</translation>
    </message>
</context>
<context>
    <name>Unit</name>
    <message>
        <source>Town leadership</source>
        <translation>镇领导班子</translation>
    </message>
    <message>
        <source>Command centre</source>
        <translation>基层治理指挥中心</translation>
    </message>
    <message>
        <source>Party building</source>
        <translation>党的建设</translation>
    </message>
    <message>
        <source>Economic development</source>
        <translation>经济发展</translation>
    </message>
    <message>
        <source>Livelihood services</source>
        <translation>民生服务</translation>
    </message>
    <message>
        <source>Safety and rule of law</source>
        <translation>平安法治</translation>
    </message>
    <message>
        <source>Village (community)</source>
        <translation>村(社区)</translation>
    </message>
    <message>
        <source>District departments</source>
        <translation>区级部门</translation>
    </message>
</context>
</TS>
