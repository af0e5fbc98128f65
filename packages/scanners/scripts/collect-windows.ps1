<#
.SYNOPSIS
  Collects the software inventory of this Windows PC for zhengban (正版化盘点). Read-only.

.DESCRIPTION
  Writes one folder per computer, named after the computer, holding exactly the files the zhengban
  `windows` scanner reads:

    uninstall-hklm.txt    reg query HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall /s
    uninstall-wow64.txt   reg query HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall /s
    uninstall-users.txt   reg query HKU\<SID>\Software\Microsoft\Windows\CurrentVersion\Uninstall /s (every loaded user)
    os-version.txt        reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion"
    os.json               Win32_OperatingSystem (Caption, Version, BuildNumber, OSArchitecture, CSName)
    licensing.json        SoftwareLicensingProduct and OfficeSoftwareProtectionProduct with an installed
                          key (Windows and Office activation)
    antivirus.json        root\SecurityCenter2 AntiVirusProduct (absent on Windows Server)
    slmgr-xpr.txt         cscript slmgr.vbs /xpr (activation expiry)
    ospp.txt              cscript ospp.vbs /dstatus (only when an Office OSPP.VBS is found)

  Works on Windows PowerShell 2.0 (Windows 7) and later. PowerShell 2.0 has neither Get-CimInstance
  nor ConvertTo-Json: there the WMI classes are read with Get-WmiObject and written as os.txt,
  licensing.txt and antivirus.txt in the `wmic /format:list` form (Name=Value lines), which the
  zhengban windows scanner reads the same way.

  Nothing is changed on the computer. Win32_Product is never queried (it triggers MSI repairs).
  Run it as the logged-on user or as an administrator; per-user programs of users who are not logged
  on are not visible (their registry hive is not loaded).

.PARAMETER OutDir
  Where to write; a sub-folder named after the computer is created. Default: the folder this script
  is in (so it can be run from a USB stick). A network share works: \\fileserver\zhengban\2024

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File collect-windows.ps1 -OutDir \\fileserver\zhengban\2024
  zhengban audit --policy policy.yaml --input windows:\\fileserver\zhengban\2024
#>
[CmdletBinding()]
param(
  # The script's own folder (PowerShell 2.0 has no automatic variable for it).
  [string]$OutDir = (Split-Path -Parent $MyInvocation.MyCommand.Definition)
)

$ErrorActionPreference = 'Continue'
$target = Join-Path $OutDir $env:COMPUTERNAME
New-Item -ItemType Directory -Force -Path $target | Out-Null

function Save-Text([string]$Name, [string[]]$Lines) {
  # UTF-8 (with BOM on Windows PowerShell 5.1): the scanner detects it; Chinese text survives.
  $Lines | Out-File -FilePath (Join-Path $target $Name) -Encoding utf8
}

function Invoke-RegQuery([string[]]$Arguments) {
  $output = & reg.exe query @Arguments 2>$null
  if ($LASTEXITCODE -eq 0) { return $output } else { return @() }
}

$uninstall = 'Software\Microsoft\Windows\CurrentVersion\Uninstall'
Save-Text 'uninstall-hklm.txt' (Invoke-RegQuery @("HKLM\$uninstall", '/s'))
Save-Text 'uninstall-wow64.txt' (Invoke-RegQuery @("HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall", '/s'))

$users = @()
foreach ($line in (Invoke-RegQuery @('HKU'))) {
  if ($line -match '^HKEY_USERS\\(S-1-5-21-[\d-]+)$') {
    $users += Invoke-RegQuery @("HKU\$($Matches[1])\$uninstall", '/s')
  }
}
Save-Text 'uninstall-users.txt' $users
Save-Text 'os-version.txt' (Invoke-RegQuery @('HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion'))

$hasCim = [bool](Get-Command Get-CimInstance -ErrorAction SilentlyContinue)
$hasJson = [bool](Get-Command ConvertTo-Json -ErrorAction SilentlyContinue)

function Get-Instances([string]$Class, [string]$Filter, [string]$Namespace = 'root\cimv2') {
  if ($hasCim) {
    if ($Filter) { Get-CimInstance -Namespace $Namespace -ClassName $Class -Filter $Filter -ErrorAction SilentlyContinue }
    else { Get-CimInstance -Namespace $Namespace -ClassName $Class -ErrorAction SilentlyContinue }
  } else {
    if ($Filter) { Get-WmiObject -Namespace $Namespace -Class $Class -Filter $Filter -ErrorAction SilentlyContinue }
    else { Get-WmiObject -Namespace $Namespace -Class $Class -ErrorAction SilentlyContinue }
  }
}

# Writes objects as <Stem>.json (ConvertTo-Json), or on PowerShell 2.0 as <Stem>.txt in the
# `wmic /format:list` form: Name=Value lines, a blank line between objects.
function Save-Objects([string]$Stem, $Objects, [string[]]$Properties) {
  $items = @($Objects | Where-Object { $_ })
  if ($items.Count -eq 0) { return }
  if ($hasJson) {
    $items | Select-Object $Properties | ConvertTo-Json |
      Out-File -FilePath (Join-Path $target "$Stem.json") -Encoding utf8
  } else {
    $lines = @()
    foreach ($item in $items) {
      $lines += ''
      foreach ($property in $Properties) { $lines += "$property=$($item.$property)" }
    }
    Save-Text "$Stem.txt" $lines
  }
}

Save-Objects 'os' (Get-Instances 'Win32_OperatingSystem') @('Caption', 'Version', 'BuildNumber', 'OSArchitecture', 'CSName')

$licenceProperties = @('Name', 'Description', 'ApplicationID', 'ID', 'LicenseFamily', 'LicenseStatus',
  'PartialProductKey', 'ProductKeyChannel', 'KeyManagementServiceMachine',
  'DiscoveredKeyManagementServiceMachineName', 'DiscoveredKeyManagementServiceMachineIpAddress')
# Office 2010 on Windows 7 keeps its licences in OfficeSoftwareProtectionProduct.
$licences = @(Get-Instances 'SoftwareLicensingProduct' 'PartialProductKey IS NOT NULL') +
  @(Get-Instances 'OfficeSoftwareProtectionProduct' 'PartialProductKey IS NOT NULL')
Save-Objects 'licensing' $licences $licenceProperties

Save-Objects 'antivirus' (Get-Instances 'AntiVirusProduct' $null 'root\SecurityCenter2') @('displayName', 'productState', 'pathToSignedProductExe')

$slmgr = Join-Path $env:SystemRoot 'System32\slmgr.vbs'
if (Test-Path $slmgr) { Save-Text 'slmgr-xpr.txt' (& cscript.exe //nologo $slmgr /xpr) }

$ospp = @(
  "$env:ProgramFiles\Microsoft Office\Office16\OSPP.VBS",
  "${env:ProgramFiles(x86)}\Microsoft Office\Office16\OSPP.VBS",
  "$env:ProgramFiles\Microsoft Office\Office15\OSPP.VBS",
  "${env:ProgramFiles(x86)}\Microsoft Office\Office15\OSPP.VBS",
  "$env:ProgramFiles\Microsoft Office\Office14\OSPP.VBS",
  "${env:ProgramFiles(x86)}\Microsoft Office\Office14\OSPP.VBS"
) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
if ($ospp) { Save-Text 'ospp.txt' (& cscript.exe //nologo $ospp /dstatus) }

Write-Output "zhengban: inventory of $env:COMPUTERNAME written to $target"
