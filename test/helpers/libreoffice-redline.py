"""Opens Word documents in LibreOffice (one headless soffice for all of them) and prints, as a JSON list in the
order of the arguments, the paragraphs of each: `accept:FILE` after accepting every tracked change,
`reject:FILE` after rejecting every one, `read:FILE` as it opens.

A paragraph is its list label (the number or bullet character LibreOffice generates), a space when it has
one, and its text; a table gives the paragraphs of its cells, row by row. Run with Debian's /usr/bin/python3,
which has the `uno` module of python3-uno.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def paragraphs(text):
    out = []
    enum = text.createEnumeration()
    while enum.hasMoreElements():
        element = enum.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                out.extend(paragraphs(element.getCellByName(name).getText()))
        elif element.supportsService("com.sun.star.text.Paragraph"):
            label = element.getPropertyValue("ListLabelString") if element.getPropertySetInfo().hasPropertyByName("ListLabelString") else ""
            if not label and element.getPropertyValue("NumberingIsNumber"):
                level = element.getPropertyValue("NumberingRules").getByIndex(element.getPropertyValue("NumberingLevel"))
                label = next((p.Value for p in level if p.Name == "BulletChar"), "")
            string = element.getString()
            out.append(f"{label} {string}" if label else string)
    return out


def main(files):
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    pipe = f"redline{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(600):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if office.poll() is not None:
                    raise SystemExit(f"soffice exited with code {office.returncode}")
                time.sleep(0.1)
        if context is None:
            raise SystemExit("soffice did not answer within 60 s")
        smgr = context.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        result = []
        commands = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges", "read": None}
        for argument in files:
            choice, _, file = argument.partition(":")
            url = uno.systemPathToFileUrl(os.path.abspath(file))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            try:
                if commands[choice]:
                    dispatcher.executeDispatch(doc.getCurrentController().getFrame(), commands[choice], "", 0, ())
                result.append(paragraphs(doc.getText()))
            finally:
                doc.close(True)
        desktop.terminate()
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])
