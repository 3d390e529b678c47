import { NavLink } from 'react-router';

export interface TabLink {
  to: string;
  label: string;
}

/** Kallithea's page tabs: each tab is its own URL, so tabs can be linked to and reloaded. */
export function TabNav({ tabs, label }: { tabs: TabLink[]; label: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
